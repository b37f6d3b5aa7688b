package vn.dinhdanh.tests.support;

/** The demo citizens of the README (synthetic people; see realm-config/src/main/resources/demo). */
public final class DemoCitizens {

    public record Demo(String pin, String fullName, String birthdate, String password) {
    }

    /** Living, valid card, level-1 account. */
    public static final Demo AN = new Demo("001090012345", "Nguyễn Văn An", "1990-03-15", "AnNguyen-Demo-2026");
    /** Living, valid card, level-1 account. */
    public static final Demo NGOC = new Demo("079195012346", "Trần Thị Bích Ngọc", "1995-07-02", "NgocTran-Demo-2026");
    /** Deceased in the registry; has an account from before. */
    public static final Demo HUNG_DECEASED = new Demo("001045000777", "Lê Văn Hùng", "1945-01-20", "HungLe-Demo-2026");
    /** Card revoked in the registry. */
    public static final Demo CHAU_REVOKED_CARD = new Demo("048302004321", "Phạm Minh Châu", "2002-11-20", "ChauPham-Demo-2026");
    /** Card reported lost. */
    public static final Demo DUC_LOST_CARD = new Demo("031088009876", "Hoàng Văn Đức", "1988-08-08", "DucHoang-Demo-2026");
    /** In the registry, no account yet: for registration. */
    public static final Demo HUY_UNREGISTERED = new Demo("036201005555", "Vũ Quang Huy", "2001-05-09", null);

    /** All of them. */
    public static final java.util.List<Demo> ALL = java.util.List.of(AN, NGOC, HUNG_DECEASED, CHAU_REVOKED_CARD, DUC_LOST_CARD, HUY_UNREGISTERED);

    private DemoCitizens() {
    }
}
