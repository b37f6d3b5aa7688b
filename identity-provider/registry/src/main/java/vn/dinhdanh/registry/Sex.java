package vn.dinhdanh.registry;

/** Sex as recorded in the population registry and encoded in digit 4 of the personal ID number. */
public enum Sex {
    MALE,
    FEMALE;
}
