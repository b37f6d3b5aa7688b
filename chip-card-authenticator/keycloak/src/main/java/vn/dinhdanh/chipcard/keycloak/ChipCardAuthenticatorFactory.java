package vn.dinhdanh.chipcard.keycloak;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import vn.dinhdanh.idp.authentication.DinhdanhAuthenticatorFactory;

public final class ChipCardAuthenticatorFactory extends DinhdanhAuthenticatorFactory {

    public static final String ID = "dinhdanh-chip-card";

    public ChipCardAuthenticatorFactory() {
        super(ID, "Chip card (cross-device, QR code)",
                "The citizen holds their chip-based ID card to the dinhdanh app; Passive and Active Authentication, then the registry",
                new ChipCardAuthenticator(), Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }

    @Override
    public String getReferenceCategory() {
        return "sc";
    }
}
