package com.shisha.dialogs;

import com.shisha.core.journey.Progress;
import com.shisha.core.journey.Skill;
import com.shisha.core.journey.SkillScoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SHISHA strand as text: one bar per skill, with the change of the last assessment when there was one. */
public final class Strand {

    private Strand() {
    }

    public static String render(Turn turn, Map<Skill, Progress.SkillScore> strand) {
        List<String> lines = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            Progress.SkillScore s = strand.get(skill);
            String name = turn.text("skill." + skill.code());
            if (s == null) {
                lines.add(turn.text("quiz.strand_none", name));
                continue;
            }
            String change = "";
            if (s.previous() != null && s.previous() != s.score()) {
                int delta = s.score() - s.previous();
                change = turn.text(delta > 0 ? "quiz.change_up" : "quiz.change_down", Math.abs(delta));
            }
            lines.add(turn.text("quiz.strand_line", name, SkillScoring.bar(s.score()), s.score(), change));
        }
        return String.join("\n", lines);
    }
}
