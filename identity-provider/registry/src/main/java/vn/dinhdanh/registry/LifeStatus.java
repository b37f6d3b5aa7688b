package vn.dinhdanh.registry;

/** Whether the registry records the citizen as living or deceased. */
public enum LifeStatus {
    LIVING,
    DECEASED
}
