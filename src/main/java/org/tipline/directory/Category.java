package org.tipline.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a tip is about: Safe2Tell's common categories (DESIGN 2), with the labels the form shows.
 *
 * <p>The codes are stored with tips and published to clients: never rename one.
 */
@Schema(name = "CategoryCode", description = "Stable code of a tip category")
public enum Category {
    SUICIDE_THREAT("Suicide threat", "Amenaza de suicidio", true, AssignmentKind.COUNSELOR),
    SELF_HARM("Self-harm", "Autolesión", false, AssignmentKind.COUNSELOR),
    PLANNED_SCHOOL_ATTACK("Planned school attack", "Ataque planeado contra la escuela", true, AssignmentKind.SRO),
    WEAPON("Weapon", "Arma", true, AssignmentKind.SRO),
    THREAT_OF_VIOLENCE("Threat of violence", "Amenaza de violencia", false, AssignmentKind.SRO),
    BULLYING("Bullying or cyberbullying", "Acoso escolar o ciberacoso", false, AssignmentKind.COUNSELOR),
    DRUGS("Drugs", "Drogas", false, AssignmentKind.SRO),
    ALCOHOL("Alcohol", "Alcohol", false, AssignmentKind.SRO),
    SEXUAL_ABUSE("Sexual abuse or assault", "Abuso o agresión sexual", false, AssignmentKind.SRO),
    CHILD_ABUSE("Child abuse", "Maltrato infantil", false, AssignmentKind.SRO),
    DATING_VIOLENCE("Dating violence", "Violencia en el noviazgo", false, AssignmentKind.SRO),
    SEXTING("Sexting", "Sexting (imágenes íntimas)", false, AssignmentKind.SRO),
    DEPRESSION_ANXIETY("Depression or anxiety", "Depresión o ansiedad", false, AssignmentKind.COUNSELOR),
    EATING_DISORDER("Eating disorder", "Trastorno alimentario", false, AssignmentKind.COUNSELOR),
    FIGHTING("Fighting", "Peleas", false, AssignmentKind.SRO),
    GANG_ACTIVITY("Gang activity", "Actividad de pandillas", false, AssignmentKind.SRO),
    VANDALISM("Vandalism", "Vandalismo", false, AssignmentKind.SRO),
    OTHER("Something else", "Otra cosa", false, AssignmentKind.COUNSELOR);

    private final String englishLabel;
    private final String spanishLabel;
    private final boolean lifeSafety;
    private final AssignmentKind lead;

    Category(String englishLabel, String spanishLabel, boolean lifeSafety, AssignmentKind lead) {
        this.englishLabel = englishLabel;
        this.spanishLabel = spanishLabel;
        this.lifeSafety = lifeSafety;
        this.lead = lead;
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

    /** Who leads on it: the counselor for mental health, the SRO for crime, weapons and drugs (DESIGN 4). */
    public AssignmentKind lead() {
        return lead;
    }
}
