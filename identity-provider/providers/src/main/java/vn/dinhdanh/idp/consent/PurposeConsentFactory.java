package vn.dinhdanh.idp.consent;

import vn.dinhdanh.idp.authentication.StatelessRequiredActionFactory;

public final class PurposeConsentFactory extends StatelessRequiredActionFactory {

    public PurposeConsentFactory() {
        super(PurposeConsent.ID, "Consent per purpose of the relying party (dinhdanh)", new PurposeConsent());
    }
}
