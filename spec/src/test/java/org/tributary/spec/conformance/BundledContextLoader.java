package org.tributary.spec.conformance;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.StringReader;
import java.net.URI;
import org.tributary.federation.vocab.Contexts;

/**
 * A JSON-LD document loader that never touches the network: it serves the contexts the federation
 * library bundles (ActivityStreams, security v1, multikey v1, any node's {@code /ns/tributary}) and
 * refuses every other URL, so an activity that needs an unknown context fails to expand instead of
 * being checked against whatever a remote server happens to return.
 */
final class BundledContextLoader implements DocumentLoader {
    private final Contexts contexts;

    BundledContextLoader(Contexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String text = contexts.bundled(url).orElseThrow(() -> new JsonLdError(
                JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "context not bundled, not fetched: " + url));
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, new StringReader(text));
        document.setDocumentUrl(url);
        return document;
    }
}
