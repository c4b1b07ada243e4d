package org.tributary.federation.vocab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON-LD context documents we understand, bundled as class-path resources so that nothing is
 * ever fetched at run time. The ActivityStreams, security v1 and multikey v1 documents are faithful
 * copies of the published standards; {@code tributary.jsonld} defines our own terms.
 */
public final class Contexts {

    private static final String RESOURCE_DIR = "contexts/";

    private final Map<String, String> standard;
    private final String tributary;

    /** Loads the bundled documents; fails fast if the build lost one of them. */
    public Contexts() {
        String activityStreams = load("activitystreams.jsonld");
        this.standard = Map.of(
                key(As2.ACTIVITYSTREAMS_CONTEXT), activityStreams,
                // Some peers write the document's file name or the old http form; same document.
                key(URI.create("https://www.w3.org/ns/activitystreams.jsonld")), activityStreams,
                key(URI.create("http://www.w3.org/ns/activitystreams")), activityStreams,
                key(As2.SECURITY_V1_CONTEXT), load("security-v1.jsonld"),
                key(As2.MULTIKEY_V1_CONTEXT), load("multikey-v1.jsonld"));
        this.tributary = load("tributary.jsonld");
    }

    /**
     * The bundled document for a context URL. Any node's {@code /ns/tributary} resolves to our own
     * document, because every Tributary node serves that same document there.
     */
    public Optional<String> bundled(URI contextUrl) {
        if (contextUrl == null) {
            return Optional.empty();
        }
        String found = standard.get(key(contextUrl));
        if (found != null) {
            return Optional.of(found);
        }
        if (isTributaryContext(contextUrl)) {
            return Optional.of(tributary);
        }
        return Optional.empty();
    }

    /** Our context document, as every node serves it at {@link TributaryTerms#CONTEXT_PATH}. */
    public String tributary() {
        return tributary;
    }

    /** The context URL a node with this base URL uses for our terms. */
    public static URI tributaryContextFor(URI nodeBaseUrl) {
        String base = nodeBaseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + TributaryTerms.CONTEXT_PATH);
    }

    private static boolean isTributaryContext(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http"))
                && url.getHost() != null
                && TributaryTerms.CONTEXT_PATH.equals(url.getPath())
                && url.getQuery() == null;
    }

    private static String key(URI url) {
        String text = url.toString();
        int fragment = text.indexOf('#');
        return fragment >= 0 ? text.substring(0, fragment) : text;
    }

    private static String load(String name) {
        try (InputStream in = Contexts.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled context missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled context " + name, e);
        }
    }
}
