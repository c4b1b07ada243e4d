package org.tributary.node.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tributary.node.account.ProfileEdit;
import org.tributary.node.http.ApiException;

/**
 * Reads a profile update from {@code update_credentials} parameters. Department, title and location
 * come either as our own parameters ({@code department}, {@code title}, {@code location}) or as
 * Mastodon profile fields ({@code fields_attributes[i][name]}/{@code [value]}, or a JSON list of
 * {@code {name, value}}) named Title, Location or Department; our own parameters win. An entry with
 * neither name nor value is an empty form row and ignored; any other name is refused (422), because we
 * could not keep it.
 */
final class ProfileParams {
    private static final Pattern INDEXED = Pattern.compile("fields_attributes\\[(\\d+)\\]\\[(name|value)\\]");

    private ProfileParams() {
    }

    static ProfileEdit edit(RequestParams params) {
        Map<String, String> fields = fields(params);
        return new ProfileEdit(params.first("display_name"), params.first("note"),
                ours(params, "department", fields), ours(params, "title", fields), ours(params, "location", fields),
                params.first("avatar"), Optional.empty(), params.first("locked")
                        .map(value -> value.strip().toLowerCase(Locale.ROOT).matches("true|1|on")));
    }

    private static Optional<String> ours(RequestParams params, String name, Map<String, String> fields) {
        Optional<String> direct = params.first(name);
        return direct.isPresent() ? direct : Optional.ofNullable(fields.get(name));
    }

    /** The Mastodon fields by our lower-case names. */
    private static Map<String, String> fields(RequestParams params) {
        List<String[]> pairs = new ArrayList<>();
        Map<Integer, String[]> indexed = new TreeMap<>();
        params.values().forEach((key, values) -> {
            Matcher matcher = INDEXED.matcher(key);
            if (matcher.matches() && !values.isEmpty()) {
                String[] pair = indexed.computeIfAbsent(Integer.parseInt(matcher.group(1)), i -> new String[2]);
                pair[matcher.group(2).equals("name") ? 0 : 1] = values.get(0);
            }
        });
        pairs.addAll(indexed.values());
        // A JSON list of {name, value} objects flattens to parallel lists.
        List<String> names = params.all("fields_attributes[name]");
        List<String> values = params.all("fields_attributes[value]");
        for (int i = 0; i < Math.max(names.size(), values.size()); i++) {
            pairs.add(new String[] {i < names.size() ? names.get(i) : null, i < values.size() ? values.get(i) : null});
        }
        Map<String, String> fields = new TreeMap<>();
        for (String[] pair : pairs) {
            String name = pair[0] == null ? "" : pair[0].strip();
            String value = pair[1] == null ? "" : pair[1];
            if (name.isEmpty() && value.isBlank()) {
                continue;
            }
            fields.put(ourName(name), value);
        }
        return fields;
    }

    private static String ourName(String fieldName) {
        return switch (fieldName.toLowerCase(Locale.ROOT)) {
            case "department" -> "department";
            case "title", "job title" -> "title";
            case "location" -> "location";
            default -> throw new ApiException(422, "unsupported_field",
                    "profile fields are Title, Location and Department; '" + fieldName + "' cannot be kept");
        };
    }
}
