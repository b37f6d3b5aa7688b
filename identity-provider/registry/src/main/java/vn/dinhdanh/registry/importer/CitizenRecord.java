package vn.dinhdanh.registry.importer;

import java.util.Objects;

import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;

/** One imported row: a citizen and, when the row had one, a card ({@code card} may be null). */
public record CitizenRecord(Citizen citizen, IdentityCard card) {

    public CitizenRecord {
        Objects.requireNonNull(citizen, "citizen");
    }

    @Override
    public String toString() {
        return "CitizenRecord[" + citizen + ", " + card + "]";
    }
}
