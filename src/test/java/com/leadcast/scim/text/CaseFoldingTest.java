package com.leadcast.scim.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CaseFoldingTest {

    @Test
    void everyCharacterFoldsToOneCharacterOfTheSameUtf16Length() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                continue;
            }
            String one = new String(Character.toChars(c));
            String folded = CaseFolding.fold(one);
            assertEquals(one.length(), folded.length(), () -> "U+" + Integer.toHexString(one.codePointAt(0)));
            assertEquals(1, CaseFolding.length(folded));
        }
    }

    @Test
    void dottedCapitalIStaysItselfAndDistinctFromI() {
        String turkish = "İ".repeat(513);
        assertEquals(513, CaseFolding.fold(turkish).length(), "String.toLowerCase would make 1026 of them");
        assertEquals("İpek", CaseFolding.fold("İpek"));
        assertNotEquals(CaseFolding.fold("Ipek"), CaseFolding.fold("İpek"));
    }

    @Test
    void foldsAsciiAndOtherScripts() {
        assertEquals("barbara.jensen@example.com", CaseFolding.fold("Barbara.Jensen@EXAMPLE.com"));
        assertEquals("straße", CaseFolding.fold("STRAßE"));
        assertEquals("σοφία", CaseFolding.fold("ΣΟΦΊΑ".replace("Ί", "ί")));
        assertEquals("𐐨", CaseFolding.fold("𐐀"), "Deseret, outside the BMP");
    }

    @Test
    void unchangedTextIsTheSameString() {
        String lower = "already lower";
        assertSame(lower, CaseFolding.fold(lower));
    }

    @Test
    void lengthCountsCodePoints() {
        assertEquals(3, CaseFolding.length("a😀b"));
        assertEquals(300, CaseFolding.length("😀".repeat(300)));
    }

    @Test
    void prefixNeverSplitsASurrogatePair() {
        assertEquals("ab", CaseFolding.prefix("ab😀", 3));
        assertEquals("ab😀", CaseFolding.prefix("ab😀c", 4));
        assertEquals("short", CaseFolding.prefix("short", 1024));
    }
}
