package vn.dinhdanh.idp.federation;

import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import vn.dinhdanh.idp.registry.PopulationRegistryProvider;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.PersonalIdNumber;

/**
 * Brings a citizen from the population registry into the realm once they have proven who they are: at a
 * registration matched against the registry, or with their chip card ({@link #importAfterProof}). A mere lookup of
 * a number (a password login, an administrator's search, a registration that fails) never copies a citizen's
 * registry record into Keycloak. The username is the personal ID number.
 */
public final class CitizenStorageProvider implements UserStorageProvider, UserLookupProvider, ImportedUserValidation {

    private final KeycloakSession session;
    private final ComponentModel model;

    CitizenStorageProvider(KeycloakSession session, ComponentModel model) {
        this.session = session;
        this.model = model;
    }

    private static final String IMPORT_PERMIT = "dinhdanh.citizen-import-permit";

    /**
     * The citizen's account, created from the registry if they have none yet. Call it only once the citizen has
     * proven who they are.
     *
     * @return the account, or null when the registry does not know the number
     */
    public static UserModel importAfterProof(KeycloakSession session, RealmModel realm, String personalIdNumber) {
        return withPermit(session, realm, personalIdNumber, personalIdNumber);
    }

    /** The same, from the registry record the proof was checked against in this request: no second registry call. */
    public static UserModel importAfterProof(KeycloakSession session, RealmModel realm, Citizen record) {
        return withPermit(session, realm, record, record.personalIdNumber().value());
    }

    private static UserModel withPermit(KeycloakSession session, RealmModel realm, Object permit, String personalIdNumber) {
        session.setAttribute(IMPORT_PERMIT, permit);
        try {
            return session.users().getUserByUsername(realm, personalIdNumber);
        } finally {
            session.removeAttribute(IMPORT_PERMIT);
        }
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        Optional<PersonalIdNumber> pin = parse(username);
        Object permit = session.getAttribute(IMPORT_PERMIT);
        if (pin.isEmpty() || permit == null) {
            return null;
        }
        Optional<Citizen> citizen;
        if (permit instanceof Citizen record && record.personalIdNumber().equals(pin.get())) {
            citizen = Optional.of(record);
        } else if (pin.get().value().equals(permit)) {
            citizen = PopulationRegistryProvider.of(session).findCitizen(pin.get());
        } else {
            return null;
        }
        if (citizen.isEmpty()) {
            return null;
        }
        UserModel user = session.users().addUser(realm, null, pin.get().value(), true, true);
        user.setFederationLink(model.getId());
        user.setEnabled(true);
        CitizenAttributes.refresh(user, citizen.get());
        return user;
    }

    static Optional<PersonalIdNumber> parse(String username) {
        if (username == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PersonalIdNumber.parse(username.trim()));
        } catch (InvalidPersonalIdNumberException e) {
            return Optional.empty();
        }
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        // Imported accounts live in Keycloak's own store and are found there by id.
        return null;
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        // The registry is re-checked at every login by the registry status step of the flow,
        // where a refusal can be shown to the citizen; a lookup never deletes an account.
        return user;
    }

    @Override
    public void close() {
    }
}
