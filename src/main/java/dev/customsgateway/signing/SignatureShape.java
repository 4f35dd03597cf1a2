package dev.customsgateway.signing;

import static dev.customsgateway.signing.EnvelopedSigner.DS_NS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The structural checks made before any cryptography, on the DOM itself: one signature, a child of the root;
 * one reference, {@code URI=""}, enveloped transform only; inclusive C14N; an algorithm pair that is one of the
 * allowed profiles. Whatever passes here covers the whole document, so wrapping and moving attacks fail here.
 */
final class SignatureShape {

    /** Some tools write an explicit inclusive C14N after the enveloped transform; it changes nothing. */
    private static final String C14N_AFTER_ENVELOPED = SignatureProfile.C14N;

    private SignatureShape() {
    }

    /** The one signature element, after the structural checks; {@link #profile} then checks its algorithms. */
    static Element signatureOf(Document document) {
        if (document.getDoctype() != null) {
            throw new SignatureRejectedException("the document has a DOCTYPE");
        }
        NodeList signatures = document.getElementsByTagNameNS(DS_NS, "Signature");
        if (signatures.getLength() != 1) {
            throw new SignatureRejectedException("expected exactly one ds:Signature, found " + signatures.getLength());
        }
        Element signature = (Element) signatures.item(0);
        if (signature.getParentNode() != document.getDocumentElement()) {
            throw new SignatureRejectedException("the ds:Signature is not a child of the document root"
                    + " (moved or wrapped)");
        }
        if (!children(signature, "Object").isEmpty()) {
            throw new SignatureRejectedException("ds:Object is not allowed in a customs signature");
        }
        Element signedInfo = only(signature, "SignedInfo");
        if (!SignatureProfile.C14N.equals(algorithm(only(signedInfo, "CanonicalizationMethod")))) {
            throw new SignatureRejectedException("canonicalisation must be inclusive C14N without comments, not "
                    + algorithm(only(signedInfo, "CanonicalizationMethod")));
        }
        Element reference = only(signedInfo, "Reference");
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            throw new SignatureRejectedException("the reference must cover the whole document (URI=\"\"), not URI=\""
                    + reference.getAttribute("URI") + "\"");
        }
        checkTransforms(reference);
        return signature;
    }

    /** The profile the signature claims, if it is allowed here. */
    static SignatureProfile profile(Element signature, Set<SignatureProfile> allowed) {
        Element signedInfo = only(signature, "SignedInfo");
        String signatureUri = algorithm(only(signedInfo, "SignatureMethod"));
        String digestUri = algorithm(only(only(signedInfo, "Reference"), "DigestMethod"));
        SignatureProfile profile = SignatureProfile.of(signatureUri, digestUri)
                .orElseThrow(() -> new SignatureRejectedException("algorithms not allowed: signature " + signatureUri
                        + " with digest " + digestUri));
        if (!allowed.contains(profile)) {
            throw new SignatureRejectedException("signature profile " + profile + " is not allowed here (allowed: "
                    + allowed + ")");
        }
        return profile;
    }

    private static void checkTransforms(Element reference) {
        List<Element> transforms = children(only(reference, "Transforms"), "Transform");
        List<String> uris = transforms.stream().map(SignatureShape::algorithm).toList();
        if (!uris.equals(List.of(SignatureProfile.ENVELOPED))
                && !uris.equals(List.of(SignatureProfile.ENVELOPED, C14N_AFTER_ENVELOPED))) {
            throw new SignatureRejectedException("transforms must be enveloped-signature only, not " + uris);
        }
    }

    static Element only(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        if (found.size() != 1) {
            throw new SignatureRejectedException("expected exactly one ds:" + localName + " in ds:"
                    + parent.getLocalName() + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String algorithm(Element element) {
        return element.getAttribute("Algorithm");
    }
}
