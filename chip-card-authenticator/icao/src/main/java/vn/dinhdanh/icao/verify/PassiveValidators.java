package vn.dinhdanh.icao.verify;

import java.util.List;
import java.util.Set;

/**
 * The Passive Authentication checks, in execution order, each with the checks it requires.
 * Each concern lives in its own class: {@link SodStructure}, {@link AlgorithmPolicy},
 * {@link DocumentSignerCertificate}, {@link SodSignature}, {@link CscaChain},
 * {@link Revocation} and {@link PresentedDataGroups}.
 */
final class PassiveValidators {
    private PassiveValidators() {
    }

    static List<Validator> all() {
        return List.of(
                Validator.of(Check.SOD_PARSED, Set.of(), SodStructure::parse),
                Validator.of(Check.SOD_SIGNED_DATA, Set.of(Check.SOD_PARSED), SodStructure::signedData),
                Validator.of(Check.SOD_ECONTENT_TYPE, Set.of(Check.SOD_PARSED), SodStructure::eContentType),
                Validator.of(Check.LDS_SECURITY_OBJECT, Set.of(Check.SOD_ECONTENT_TYPE), SodStructure::ldsSecurityObject),
                Validator.of(Check.SOD_SIGNER_INFO, Set.of(Check.SOD_SIGNED_DATA), SodStructure::signerInfo),
                Validator.of(Check.SOD_ALGORITHMS, Set.of(Check.SOD_SIGNER_INFO, Check.LDS_SECURITY_OBJECT), AlgorithmPolicy::sodAlgorithms),
                Validator.of(Check.SOD_SIGNED_ATTRIBUTES, Set.of(Check.SOD_ALGORITHMS), SodStructure::signedAttributes),
                Validator.of(Check.SOD_SIGNER_IDENTIFIER, Set.of(Check.SOD_SIGNER_INFO), DocumentSignerCertificate::signerIdentifier),
                Validator.of(Check.SOD_SIGNATURE, Set.of(Check.SOD_ALGORITHMS, Check.SOD_SIGNER_IDENTIFIER), SodSignature::verify),
                Validator.of(Check.DS_VALIDITY, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::validity),
                Validator.of(Check.DS_KEY_USAGE, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::keyUsage),
                Validator.of(Check.DS_KEY_STRENGTH, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::keyStrength),
                Validator.of(Check.DS_CHAIN, Set.of(Check.SOD_SIGNER_IDENTIFIER), CscaChain::verify),
                Validator.of(Check.DS_REVOCATION, Set.of(Check.DS_CHAIN), Revocation::check),
                Validator.of(Check.DG_HASHES, Set.of(Check.LDS_SECURITY_OBJECT), PresentedDataGroups::hashes),
                Validator.of(Check.REQUIRED_DATA_GROUPS, Set.of(), PresentedDataGroups::required));
    }
}
