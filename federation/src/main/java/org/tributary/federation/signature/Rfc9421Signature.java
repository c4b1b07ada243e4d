package org.tributary.federation.signature;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tributary.federation.FederationError;
import org.tributary.federation.http.HeaderMap;
import org.tributary.federation.signature.StructuredFieldParser.MalformedFieldException;
import org.tributary.federation.signature.StructuredFields.BareItem;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Member;
import org.tributary.federation.signature.StructuredFields.SfBytes;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;

/**
 * One labelled RFC 9421 signature read from a request's {@code Signature-Input} and {@code Signature}
 * dictionaries: its covered components and parameters (kept as parsed, so the
 * {@code @signature-params} line re-serializes them exactly) and the signature bytes.
 */
record Rfc9421Signature(String label, InnerList input, byte[] signature) {

    Rfc9421Signature {
        Objects.requireNonNull(label);
        Objects.requireNonNull(input);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    static boolean isPresent(HeaderMap headers) {
        return headers.has("signature-input");
    }

    /**
     * The signature to check: the one under {@code label}, or when none is asked for, the first label
     * in {@code Signature-Input} (a request from a peer carries exactly one).
     */
    static Rfc9421Signature select(HeaderMap headers, Optional<String> label) throws SignatureFailure {
        Map<String, Member> inputs = dictionary(headers, "signature-input");
        Map<String, Member> signatures = dictionary(headers, "signature");
        if (inputs.isEmpty()) {
            throw malformed("Signature-Input has no signatures");
        }
        String chosen = label.orElse(inputs.keySet().iterator().next());
        Member input = inputs.get(chosen);
        Member signature = signatures.get(chosen);
        if (input == null || signature == null) {
            throw malformed("signature " + chosen + " needs both Signature-Input and Signature members");
        }
        if (!(input instanceof InnerList inner)) {
            throw malformed("Signature-Input " + chosen + " is not an inner list");
        }
        if (!(signature instanceof Item item && item.value() instanceof SfBytes bytes)) {
            throw malformed("Signature " + chosen + " is not a byte sequence");
        }
        for (Item component : inner.items()) {
            if (!(component.value() instanceof SfString)) {
                throw malformed("covered components of " + chosen + " must be strings");
            }
        }
        return new Rfc9421Signature(chosen, inner, bytes.value());
    }

    /** Names of the covered components that carry no parameters (the only kind our rules count). */
    List<String> plainComponents() {
        return input.items().stream()
                .filter(item -> item.params().isEmpty())
                .map(item -> ((SfString) item.value()).value())
                .toList();
    }

    Optional<String> keyId() throws SignatureFailure {
        return stringParameter("keyid");
    }

    Optional<String> algorithm() throws SignatureFailure {
        return stringParameter("alg");
    }

    Optional<Instant> created() throws SignatureFailure {
        return timeParameter("created");
    }

    Optional<Instant> expires() throws SignatureFailure {
        return timeParameter("expires");
    }

    private Optional<String> stringParameter(String name) throws SignatureFailure {
        BareItem value = input.params().get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof SfString s) {
            return Optional.of(s.value());
        }
        throw malformed("parameter " + name + " must be a string");
    }

    private Optional<Instant> timeParameter(String name) throws SignatureFailure {
        BareItem value = input.params().get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof SfInteger i) {
            return Optional.of(Instant.ofEpochSecond(i.value()));
        }
        throw malformed("parameter " + name + " must be an integer");
    }

    private static Map<String, Member> dictionary(HeaderMap headers, String name) throws SignatureFailure {
        List<String> values = headers.all(name);
        if (values.isEmpty()) {
            throw malformed("no " + name + " header");
        }
        try {
            // Several field lines form one dictionary (RFC 8941 §4.2).
            return StructuredFieldParser.parseDictionary(String.join(", ", values));
        } catch (MalformedFieldException e) {
            throw malformed(name + " is not a structured dictionary: " + e.getMessage());
        }
    }

    private static SignatureFailure malformed(String detail) {
        return new SignatureFailure(FederationError.SIGNATURE_MALFORMED, detail);
    }
}
