-- Profiles, the organization directory and administration.

-- What a person says about their work, beside the name and note in accounts: for employees of this
-- node as they set it, for colleagues on peer nodes as their actor document last said.
-- avatar_url is where the picture is served; avatar_media_id names the uploaded attachment when the
-- picture was uploaded here.
CREATE TABLE account_profiles (
    account_id      BIGINT NOT NULL PRIMARY KEY REFERENCES accounts (id),
    department      VARCHAR(200) NOT NULL DEFAULT '',
    title           VARCHAR(200) NOT NULL DEFAULT '',
    location        VARCHAR(200) NOT NULL DEFAULT '',
    avatar_url      VARCHAR(2048),
    avatar_media_id BIGINT,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX account_profiles_department ON account_profiles (department);

-- Dead-lettered deliveries are listed newest first for the admin API.
CREATE INDEX deliveries_state_updated ON deliveries (state, updated_at);
