package vn.dinhdanh.idp.federation;

import org.keycloak.models.UserModel;

/**
 * The account level under Decree 69/2024, kept in the {@value CitizenAttributes#ACCOUNT_LEVEL} attribute: level 1
 * after a registration matched against the registry, level 2 once the citizen has proven the chip card. Only a chip
 * proof raises it; {@code substantial} needs level 2.
 */
public final class AccountLevel {

    private AccountLevel() {
    }

    public static boolean isLevel2(UserModel user) {
        return user != null && "2".equals(user.getFirstAttribute(CitizenAttributes.ACCOUNT_LEVEL));
    }

    /**
     * Raises the account to level 2. Call it only once the citizen's own chip card has been verified.
     *
     * @return whether the level changed
     */
    public static boolean raiseToLevel2AfterChipProof(UserModel user) {
        if (isLevel2(user)) {
            return false;
        }
        user.setSingleAttribute(CitizenAttributes.ACCOUNT_LEVEL, "2");
        return true;
    }
}
