package vn.dinhdanh.idp.federation;

import java.util.Set;
import org.keycloak.credential.CredentialModel;
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

    /** Second factors a level-1 account may hold without any proof of who set them up. */
    private static final Set<String> UNPROVEN_SECOND_FACTORS = Set.of("otp", "webauthn", "webauthn-passwordless");

    /**
     * Raises the account to level 2. Call it only once the citizen's own chip card has been verified. Authenticator
     * apps and security keys added while the account was level 1 are removed: whoever registered the account (with
     * facts that are not secret) may have added them, and they would otherwise pass {@code substantial} from now on.
     *
     * @return whether the level changed
     */
    public static boolean raiseToLevel2AfterChipProof(UserModel user) {
        if (isLevel2(user)) {
            return false;
        }
        user.credentialManager().getStoredCredentialsStream()
                .filter(c -> UNPROVEN_SECOND_FACTORS.contains(c.getType()))
                .map(CredentialModel::getId)
                .toList()
                .forEach(user.credentialManager()::removeStoredCredentialById);
        user.setSingleAttribute(CitizenAttributes.ACCOUNT_LEVEL, "2");
        return true;
    }
}
