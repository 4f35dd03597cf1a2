package dev.customsgateway.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the HMRC stand-in rejects after it has taken a declaration (the schema is checked before, synchronously):
 * a declaration whose declarant EORI is in {@code gateway.sandbox.hmrc.refused-declarants} (changeable while the
 * sandbox runs, for tests), or every declaration while the reject-all fault is on. The rejection's error points
 * at the declarant's identifier: class 42A (Declaration), class 57B (Declarant) attribute R123 (its ID), the WCO
 * ids in {@code WCO_DEC_2_DMS.xsd}'s annotations.
 */
@Component
public class SandboxHmrcRules {

    private final Set<String> refusedDeclarants = ConcurrentHashMap.newKeySet();
    private final String validationCode;
    private final SandboxFaults faults;

    SandboxHmrcRules(SandboxProperties properties, SandboxFaults faults) {
        this.faults = faults;
        this.validationCode = properties.hmrc().validationCode();
        refusedDeclarants.addAll(properties.hmrc().refusedDeclarants());
    }

    /** Rejects every later declaration of this declarant. */
    public void refuseDeclarant(String eori) {
        refusedDeclarants.add(eori);
    }

    public void allowDeclarant(String eori) {
        refusedDeclarants.remove(eori);
    }

    /** The error a DMSREJ carries for this declarant's declaration; empty when it is to be cleared. */
    Optional<DmsNotification.Error> check(String declarantEori) {
        if (faults.rejectAll()) {
            return Optional.of(new DmsNotification.Error(validationCode,
                    "rejected by the sandbox's fault setting (reject-all)", List.<String[]>of(new String[] {"42A"})));
        }
        if (declarantEori != null && refusedDeclarants.contains(declarantEori)) {
            return Optional.of(new DmsNotification.Error(validationCode, "declarant " + declarantEori
                    + " may not declare (sandbox rule gateway.sandbox.hmrc.refused-declarants)",
                    List.of(new String[] {"42A"}, new String[] {"57B", "R123"})));
        }
        return Optional.empty();
    }
}
