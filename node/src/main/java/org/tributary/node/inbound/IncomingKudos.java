package org.tributary.node.inbound;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.tributary.federation.vocab.Note;
import org.tributary.federation.vocab.TributaryTerms;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.kudos.KudosService;
import org.tributary.node.kudos.Kudos;
import org.tributary.node.kudos.KudosStore;
import org.tributary.node.notification.NotificationType;
import org.tributary.node.post.Status;

/**
 * A peer's kudos ({@code ["Note", "Kudos"]}, see {@code spec/kudos.md}): the post is stored like any
 * Note; this keeps the giver, the recipients this node knows and the value, so the kudos shows in the
 * feeds and counts. Its recipients here are told "kudos" instead of "mention".
 */
public final class IncomingKudos implements IncomingPostPart {
    private final KudosStore kudos;
    private final AccountStore accounts;

    public IncomingKudos(KudosStore kudos, AccountStore accounts) {
        this.kudos = kudos;
        this.accounts = accounts;
    }

    @Override
    public void stored(Connection connection, Status status, Note note, JsonObject object, Account author,
            boolean created) throws SQLException {
        if (!created || !ObjectTypes.isKudos(object)) {
            return;
        }
        List<Long> recipients = new ArrayList<>();
        for (URI uri : recipientUris(object)) {
            accounts.findByUri(connection, uri).ifPresent(account -> recipients.add(account.id()));
        }
        String value = valueOf(object);
        kudos.insertIfAbsent(connection, new Kudos(status.id(), author.id(), recipients,
                messageOf(Jsoup.parse(status.contentHtml()).text(), value), value, status.createdAt()));
    }

    @Override
    public Optional<NotificationType> notificationFor(JsonObject object, Account mentioned) {
        if (ObjectTypes.isKudos(object) && recipientUris(object).contains(mentioned.uri())) {
            return Optional.of(NotificationType.KUDOS);
        }
        return Optional.empty();
    }

    static List<URI> recipientUris(JsonObject object) {
        JsonValue value = object.get(TributaryTerms.RECIPIENT);
        List<URI> uris = new ArrayList<>();
        if (value instanceof JsonString single) {
            parse(single.getString()).ifPresent(uris::add);
        } else if (value instanceof jakarta.json.JsonArray array) {
            for (JsonValue entry : array) {
                if (entry instanceof JsonString text) {
                    parse(text.getString()).ifPresent(uris::add);
                } else if (entry instanceof JsonObject linked && linked.get("id") instanceof JsonString id) {
                    parse(id.getString()).ifPresent(uris::add);
                }
            }
        }
        return uris;
    }

    /**
     * The giver's message, out of the text our nodes write ("Kudos to @bob, @ann: message #value"); the
     * whole text when another implementation wrote it otherwise.
     */
    static String messageOf(String text, String value) {
        String message = text.strip();
        int colon = message.indexOf(": ");
        if (message.startsWith(KudosService.PREFIX) && colon > 0) {
            message = message.substring(colon + 2);
        }
        if (value != null && message.toLowerCase(Locale.ROOT).endsWith(" #" + value)) {
            message = message.substring(0, message.length() - value.length() - 2);
        }
        message = message.strip();
        return message.length() > KudosService.MAX_MESSAGE ? message.substring(0, KudosService.MAX_MESSAGE) : message;
    }

    /** The value as our nodes write it; anything else a peer sends is dropped rather than trusted. */
    private static String valueOf(JsonObject object) {
        if (!(object.get(TributaryTerms.KUDOS_VALUE) instanceof JsonString text)) {
            return null;
        }
        String value = text.getString().strip().toLowerCase(Locale.ROOT);
        return KudosService.VALUE.matcher(value).matches() ? value : null;
    }

    private static Optional<URI> parse(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
