package vn.dinhdanh.registry.importer;

import java.util.List;

/** The citizen CSV format shared by the importer and the demo data generator. */
public final class CitizenCsvFormat {

    /** The columns of the header row, in the canonical order. */
    public static final List<String> COLUMNS = List.of("personal_id_number", "full_name", "date_of_birth", "sex",
            "nationality", "ethnicity", "religion", "place_of_origin", "place_of_residence", "life_status",
            "card_number", "card_issue_date", "card_expiry_date", "card_status");

    private CitizenCsvFormat() {
    }
}
