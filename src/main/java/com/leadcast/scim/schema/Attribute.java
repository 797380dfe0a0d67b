package com.leadcast.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * One attribute definition of a SCIM schema (RFC 7643 §7). Names are matched case-insensitively, as RFC 7643 §2.1
 * requires; {@link #name()} is the canonical spelling used when the service writes a resource.
 */
public record Attribute(
        String name,
        AttributeType type,
        boolean multiValued,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        String uniqueness,
        List<Attribute> subAttributes,
        List<String> canonicalValues,
        List<String> referenceTypes) {

    public Attribute {
        subAttributes = List.copyOf(subAttributes);
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public Optional<Attribute> subAttribute(String subName) {
        return subAttributes.stream().filter(a -> a.name.equalsIgnoreCase(subName)).findFirst();
    }

    /**
     * Whether clients may write the attribute but never read it back ({@code mutability} {@code writeOnly} or
     * {@code returned} {@code never}, RFC 7643 §7), as {@code password}, of which only a hash is kept: such an
     * attribute cannot be filtered or sorted on.
     */
    public boolean writeOnly() {
        return mutability == Mutability.WRITE_ONLY || returned == Returned.NEVER;
    }

    public boolean named(String candidate) {
        return name.equalsIgnoreCase(candidate);
    }
}
