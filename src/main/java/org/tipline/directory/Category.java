package org.tipline.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a tip is about: Safe2Tell's common categories (DESIGN 2), with the labels the form shows.
 *
 * <p>The codes are stored with tips and published to clients: never rename one.
 */
@Schema(name = "CategoryCode", description = "Stable code of a tip category")
public enum Category {
    SUICIDE_THREAT("Suicide threat", "Amenaza de suicidio", true),
    SELF_HARM("Self-harm", "Autolesión", false),
    PLANNED_SCHOOL_ATTACK("Planned school attack", "Ataque planeado contra la escuela", true),
    WEAPON("Weapon", "Arma", true),
    THREAT_OF_VIOLENCE("Threat of violence", "Amenaza de violencia", false),
    BULLYING("Bullying or cyberbullying", "Acoso escolar o ciberacoso", false),
    DRUGS("Drugs", "Drogas", false),
    ALCOHOL("Alcohol", "Alcohol", false),
    SEXUAL_ABUSE("Sexual abuse or assault", "Abuso o agresión sexual", false),
    CHILD_ABUSE("Child abuse", "Maltrato infantil", false),
    DATING_VIOLENCE("Dating violence", "Violencia en el noviazgo", false),
    SEXTING("Sexting", "Sexting (imágenes íntimas)", false),
    DEPRESSION_ANXIETY("Depression or anxiety", "Depresión o ansiedad", false),
    EATING_DISORDER("Eating disorder", "Trastorno alimentario", false),
    FIGHTING("Fighting", "Peleas", false),
    GANG_ACTIVITY("Gang activity", "Actividad de pandillas", false),
    VANDALISM("Vandalism", "Vandalismo", false),
    OTHER("Something else", "Otra cosa", false);

    private final String englishLabel;
    private final String spanishLabel;
    private final boolean lifeSafety;

    Category(String englishLabel, String spanishLabel, boolean lifeSafety) {
        this.englishLabel = englishLabel;
        this.spanishLabel = spanishLabel;
        this.lifeSafety = lifeSafety;
    }

    public String englishLabel() {
        return englishLabel;
    }

    public String spanishLabel() {
        return spanishLabel;
    }

    /** True when {@code code} names a category (exact, case-sensitive match). */
    public static boolean isKnown(String code) {
        for (Category category : values()) {
            if (category.name().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** A life-safety category is escalated at once, whatever the reporter ticked. */
    public boolean lifeSafety() {
        return lifeSafety;
    }
}
