package org.tipline.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseCodeTest {

    @Test
    void shouldShowSixteenCrockfordCharactersInFourGroups() {
        String shown = CaseCode.generate().display();

        assertThat(shown).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void shouldUseTheWholeAlphabetAndNotRepeat() {
        Set<String> codes = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = CaseCode.generate().display();
            codes.add(code);
            code.replace("-", "").chars().forEach(c -> characters.add((char) c));
        }
        assertThat(codes).hasSize(2000);
        assertThat(characters).hasSize(32);
    }

    @Test
    void shouldReadWhatAReporterTypesTheWayTheyMeantIt() {
        CaseCode code = CaseCode.parse("AB01-CD11-EF00-GH0Z").orElseThrow();

        assertThat(CaseCode.parse("ab01 cd11 ef00 gh0z")).contains(code);
        assertThat(CaseCode.parse("  AB01CD11EF00GH0Z ")).contains(code);
        assertThat(CaseCode.parse("ABO1-CDIL-EFoO-GHOZ")).contains(code);
        assertThat(code.display()).isEqualTo("AB01-CD11-EF00-GH0Z");
    }

    @Test
    void shouldRefuseWhatCannotBeACode() {
        assertThat(CaseCode.parse(null)).isEmpty();
        assertThat(CaseCode.parse("")).isEmpty();
        assertThat(CaseCode.parse("AB01-CD11-EF00-GH0")).isEmpty();
        assertThat(CaseCode.parse("AB01-CD11-EF00-GH0ZZ")).isEmpty();
        assertThat(CaseCode.parse("AB01-CD11-EF00-GH0U")).isEmpty();
        assertThat(CaseCode.parse("AB01-CD11-EF00-GH0!")).isEmpty();
        assertThat(CaseCode.parse("A".repeat(100))).isEmpty();
    }

    @Test
    void shouldNeverPrintItself() {
        CaseCode code = CaseCode.generate();

        assertThat(code.toString()).isEqualTo("CaseCode[REDACTED]").doesNotContain(code.display());
        assertThat(String.valueOf(code)).doesNotContain(code.display().substring(0, 4) + "-");
    }
}
