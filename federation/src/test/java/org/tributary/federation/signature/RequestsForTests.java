package org.tributary.federation.signature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tributary.federation.signature.StructuredFields.BareItem;
import org.tributary.federation.signature.StructuredFields.InnerList;
import org.tributary.federation.signature.StructuredFields.Item;
import org.tributary.federation.signature.StructuredFields.Parameters;
import org.tributary.federation.signature.StructuredFields.SfInteger;
import org.tributary.federation.signature.StructuredFields.SfString;

/** Builds RFC 9421 signature inputs that deviate from what {@link HttpSignatures#sign} writes. */
final class RequestsForTests {

    private RequestsForTests() {
    }

    static InnerList input(List<String> components, Instant created, String alg) {
        Map<String, BareItem> params = new LinkedHashMap<>();
        params.put("created", new SfInteger(created.getEpochSecond()));
        params.put("keyid", new SfString(Fixtures.KEY_ID.toString()));
        if (alg != null) {
            params.put("alg", new SfString(alg));
        }
        return input(components, params);
    }

    static InnerList input(List<String> components, Map<String, BareItem> params) {
        return new InnerList(components.stream().map(c -> new Item(new SfString(c), Parameters.NONE)).toList(),
                new Parameters(params));
    }
}
