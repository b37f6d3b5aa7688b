package vn.dinhdanh.idp.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.UserModel;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.Sex;

/**
 * The registry facts a citizen's Keycloak account carries. They are copied from the registry when
 * the account is brought in and refreshed at every login; the realm's user profile makes them
 * read-only, so the registry stays the one source of truth.
 */
public final class CitizenAttributes {

    public static final String PERSONAL_ID_NUMBER = "personal_id_number";
    public static final String FULL_NAME = "full_name";
    public static final String BIRTHDATE = "birthdate";
    public static final String GENDER = "gender";
    public static final String NATIONALITY = "nationality";
    public static final String PLACE_OF_ORIGIN = "place_of_origin";
    public static final String PLACE_OF_RESIDENCE = "place_of_residence";
    /** Account level under Decree 69/2024: "1" after registration matched against the registry, "2" after a chip-card proof. */
    public static final String ACCOUNT_LEVEL = "account_level";
    public static final String PHONE_NUMBER = "phone_number";
    /**
     * The mobile number that was proven by a code typed back after the account's chip-card proof. The number in
     * {@link #PHONE_NUMBER} serves as a second factor only while it equals this one, so any later change of the number
     * (by an administrator, say) leaves it unproven.
     */
    public static final String PHONE_NUMBER_PROVEN = "phone_number_proven";

    private CitizenAttributes() {
    }

    /** Whether the account's mobile number was proven by a code after the chip-card proof (see {@link #PHONE_NUMBER_PROVEN}). */
    public static boolean phoneNumberProven(UserModel user) {
        String phone = user == null ? null : user.getFirstAttribute(PHONE_NUMBER);
        return phone != null && phone.equals(user.getFirstAttribute(PHONE_NUMBER_PROVEN));
    }

    static Map<String, String> of(Citizen citizen) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PERSONAL_ID_NUMBER, citizen.personalIdNumber().value());
        values.put(FULL_NAME, citizen.fullName());
        values.put(BIRTHDATE, citizen.dateOfBirth().toString());
        values.put(GENDER, citizen.sex() == Sex.FEMALE ? "female" : "male");
        values.put(NATIONALITY, citizen.nationality());
        values.put(PLACE_OF_ORIGIN, citizen.placeOfOrigin());
        values.put(PLACE_OF_RESIDENCE, citizen.placeOfResidence());
        return values;
    }

    /**
     * Brings the account in line with the registry record, writing only what changed so that an
     * ordinary login costs no database write.
     *
     * @return whether anything was written
     */
    public static boolean refresh(UserModel user, Citizen citizen) {
        boolean changed = false;
        if (!Objects.equals(user.getLastName(), citizen.familyName())) {
            user.setLastName(citizen.familyName());
            changed = true;
        }
        if (!Objects.equals(user.getFirstName(), citizen.givenName())) {
            user.setFirstName(citizen.givenName());
            changed = true;
        }
        for (Map.Entry<String, String> e : of(citizen).entrySet()) {
            String current = user.getFirstAttribute(e.getKey());
            if (e.getValue() == null || e.getValue().isBlank()) {
                if (current != null) {
                    user.removeAttribute(e.getKey());
                    changed = true;
                }
            } else if (!e.getValue().equals(current)) {
                user.setAttribute(e.getKey(), List.of(e.getValue()));
                changed = true;
            }
        }
        return changed;
    }
}
