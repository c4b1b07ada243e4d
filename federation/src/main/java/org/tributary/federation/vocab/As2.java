package org.tributary.federation.vocab;

import java.net.URI;
import java.util.Set;

/** ActivityStreams 2.0 names the federation code compares against: types, media types, IRIs. */
public final class As2 {

    private As2() {
    }

    public static final String NAMESPACE = "https://www.w3.org/ns/activitystreams#";
    /** The special collection meaning "everyone"; in our network it means "the whole organization". */
    public static final URI PUBLIC = URI.create(NAMESPACE + "Public");

    public static final URI ACTIVITYSTREAMS_CONTEXT = URI.create("https://www.w3.org/ns/activitystreams");
    public static final URI SECURITY_V1_CONTEXT = URI.create("https://w3id.org/security/v1");
    public static final URI MULTIKEY_V1_CONTEXT = URI.create("https://w3id.org/security/multikey/v1");

    public static final String MEDIA_TYPE = "application/activity+json";
    public static final String LD_MEDIA_TYPE =
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    // Activity types
    public static final String ACCEPT = "Accept";
    public static final String ADD = "Add";
    public static final String ANNOUNCE = "Announce";
    public static final String BLOCK = "Block";
    public static final String CREATE = "Create";
    public static final String DELETE = "Delete";
    public static final String FLAG = "Flag";
    public static final String FOLLOW = "Follow";
    public static final String LIKE = "Like";
    public static final String MOVE = "Move";
    public static final String REJECT = "Reject";
    public static final String REMOVE = "Remove";
    public static final String TENTATIVE_ACCEPT = "TentativeAccept";
    public static final String TENTATIVE_REJECT = "TentativeReject";
    public static final String UNDO = "Undo";
    public static final String UPDATE = "Update";

    // Actor types
    public static final String APPLICATION = "Application";
    public static final String GROUP = "Group";
    public static final String ORGANIZATION = "Organization";
    public static final String PERSON = "Person";
    public static final String SERVICE = "Service";

    // Object types
    public static final String ARTICLE = "Article";
    public static final String AUDIO = "Audio";
    public static final String DOCUMENT = "Document";
    public static final String EVENT = "Event";
    public static final String IMAGE = "Image";
    public static final String NOTE = "Note";
    public static final String PAGE = "Page";
    public static final String QUESTION = "Question";
    public static final String TOMBSTONE = "Tombstone";
    public static final String VIDEO = "Video";

    // Link and tag types
    public static final String LINK = "Link";
    public static final String MENTION = "Mention";
    /** Not in the AS2 context; Mastodon and our own context map it to {@code as:Hashtag}. */
    public static final String HASHTAG = "Hashtag";

    // Collections
    public static final String COLLECTION = "Collection";
    public static final String COLLECTION_PAGE = "CollectionPage";
    public static final String ORDERED_COLLECTION = "OrderedCollection";
    public static final String ORDERED_COLLECTION_PAGE = "OrderedCollectionPage";

    /** Security vocabulary key types. */
    public static final String MULTIKEY = "Multikey";

    public static final Set<String> ACTIVITY_TYPES = Set.of(
            "Activity", "IntransitiveActivity", ACCEPT, ADD, ANNOUNCE, "Arrive", BLOCK, CREATE, DELETE,
            "Dislike", FLAG, FOLLOW, "Ignore", "Invite", "Join", "Leave", LIKE, "Listen", MOVE, "Offer",
            "Read", REJECT, REMOVE, TENTATIVE_ACCEPT, TENTATIVE_REJECT, "Travel", UNDO, UPDATE, "View",
            TributaryTerms.KUDOS);

    public static final Set<String> ACTOR_TYPES = Set.of(APPLICATION, GROUP, ORGANIZATION, PERSON, SERVICE);

    /** Object types a {@link Note} record models: the things people post. */
    public static final Set<String> POST_TYPES = Set.of(
            NOTE, QUESTION, ARTICLE, PAGE, EVENT, IMAGE, VIDEO, AUDIO, DOCUMENT);
}
