package com.leadcast.scim.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where a page of a merged order of several resource types starts ({@link MergedPaging}): for each type, the cut
 * between its resources before the page and those after, and which way to read from the cuts.
 *
 * <p>A cut is a forward {@link CursorPosition} naming the resources after it ({@code after(key)}, or the resources
 * from {@code key} on when inclusive), or {@code null} before the type's first resource. Reading forward takes the
 * resources after every cut; reading backward those before them ({@link CursorPosition#complement()}).
 *
 * @param backward read the resources before the cuts (a {@code previousCursor}) rather than after them
 * @param cuts     one cut per resource type, in the order of the types
 */
public record MergedPosition(boolean backward, List<CursorPosition> cuts) {

    public MergedPosition {
        cuts = Collections.unmodifiableList(new ArrayList<>(cuts)); // null cuts are allowed
        if (cuts.stream().anyMatch(cut -> cut != null && cut.backward())) {
            throw new IllegalArgumentException("A cut is a forward position: " + cuts);
        }
    }

    /** The start of the merged order: before every type's first resource. */
    public static MergedPosition start(int types) {
        return new MergedPosition(false, Collections.nCopies(types, null));
    }
}
