package org.tributary.node.hashtag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.tributary.node.post.StatusTagStore;

/**
 * What a tag timeline asks for, as Mastodon's parameters say: posts with {@code tag} or any of
 * {@code any}, with every one of {@code all}, with none of {@code none}; only this department's posts
 * ({@code local}) or only other nodes' ({@code remote}). Names are normalized (lower-case, no '#').
 */
public record TagQuery(String tag, List<String> any, List<String> all, List<String> none, boolean localOnly,
        boolean remoteOnly) {

    public TagQuery {
        tag = StatusTagStore.normalize(tag);
        any = normalized(any);
        all = normalized(all);
        none = normalized(none);
    }

    public static TagQuery of(String tag) {
        return new TagQuery(tag, List.of(), List.of(), List.of(), false, false);
    }

    /** The tag itself and the {@code any} alternatives. */
    public List<String> anyOf() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(tag);
        names.addAll(any);
        return new ArrayList<>(names);
    }

    private static List<String> normalized(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(StatusTagStore::normalize).filter(name -> !name.isEmpty()).distinct().toList();
    }
}
