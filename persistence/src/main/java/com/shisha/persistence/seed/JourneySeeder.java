package com.shisha.persistence.seed;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.QuizBank;
import com.shisha.core.journey.QuizQuestion;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts the journey's content (quiz questions, the community's top partners and their tips) into the database.
 * Runs at every start-up: each table is one upsert of the whole file, rows that did not change are not written,
 * and nothing is deleted, because past quiz answers and follows refer to these rows.
 */
public final class JourneySeeder {

    private static final String UPSERT_QUESTIONS = """
            insert into quiz_questions (id, skill, topic, difficulty, answer, en, hi)
            select id, skill, topic, difficulty, answer, cast(en as jsonb), cast(hi as jsonb)
            from unnest(cast(:ids as text[]), cast(:skills as text[]), cast(:topics as text[]),
                        cast(:difficulties as int[]), cast(:answers as text[]), cast(:en as text[]), cast(:hi as text[]))
                 as t(id, skill, topic, difficulty, answer, en, hi)
            on conflict (id) do update set skill = excluded.skill, topic = excluded.topic,
                difficulty = excluded.difficulty, answer = excluded.answer, en = excluded.en, hi = excluded.hi,
                updated_at = now()
            where (quiz_questions.skill, quiz_questions.topic, quiz_questions.difficulty, quiz_questions.answer,
                   quiz_questions.en, quiz_questions.hi)
                  is distinct from (excluded.skill, excluded.topic, excluded.difficulty, excluded.answer,
                                    excluded.en, excluded.hi)""";

    /**
     * Points earned in the running system stay when they passed the file's; language and onboarding date are the
     * partner's own once they exist.
     */
    private static final String UPSERT_PARTNERS = """
            insert into partners (phone, name, language, city, products, onboarded_at, points)
            select phone, name, 'en', city, string_to_array(products, ','), now(), points
            from unnest(cast(:phones as text[]), cast(:names as text[]), cast(:cities as text[]),
                        cast(:products as text[]), cast(:points as int[]))
                 as t(phone, name, city, products, points)
            on conflict (phone) do update set name = excluded.name, city = excluded.city,
                products = excluded.products, points = greatest(partners.points, excluded.points),
                onboarded_at = coalesce(partners.onboarded_at, excluded.onboarded_at), updated_at = now()
            where (partners.name, partners.city, partners.products) is distinct from
                  (excluded.name, excluded.city, excluded.products)
               or partners.points < excluded.points
               or partners.onboarded_at is null""";

    private static final String UPSERT_TIPS = """
            insert into community_tips (id, partner_id, skill, product, en, hi)
            select t.id, p.id, t.skill, t.product, t.en, t.hi
            from unnest(cast(:ids as text[]), cast(:phones as text[]), cast(:skills as text[]),
                        cast(:products as text[]), cast(:en as text[]), cast(:hi as text[]))
                 as t(id, phone, skill, product, en, hi)
            join partners p on p.phone = t.phone
            on conflict (id) do update set partner_id = excluded.partner_id, skill = excluded.skill,
                product = excluded.product, en = excluded.en, hi = excluded.hi
            where (community_tips.partner_id, community_tips.skill, community_tips.product, community_tips.en,
                   community_tips.hi)
                  is distinct from (excluded.partner_id, excluded.skill, excluded.product, excluded.en, excluded.hi)""";

    private final QuizBank quiz;
    private final CommunityFile community;

    JourneySeeder(QuizBank quiz, CommunityFile community) {
        this.quiz = quiz;
        this.community = community;
    }

    /** Reads and checks the seed files now, so a malformed file stops the start-up before anything is written. */
    public static JourneySeeder fromSeedFiles() {
        return new JourneySeeder(QuizBankFile.load(), CommunityFile.load());
    }

    /** The bank the seeder read, so callers need not parse the file again. */
    public QuizBank quizBank() {
        return quiz;
    }

    public void seedContent(JdbcClient jdbc) {
        seedQuestions(jdbc);
        seedCommunity(jdbc);
    }

    /** The quiz bank: product content every deployment needs (quiz answers refer to these rows). */
    public void seedQuestions(JdbcClient jdbc) {
        upsertQuestions(jdbc);
    }

    /** The demo community: eight top partners and their tips. Demo data only, never into a production database. */
    public void seedCommunity(JdbcClient jdbc) {
        upsertTopPartners(jdbc);
        upsertTips(jdbc);
    }

    private void upsertQuestions(JdbcClient jdbc) {
        List<QuizQuestion> questions = quiz.all();
        jdbc.sql(UPSERT_QUESTIONS)
                .param("ids", column(questions, QuizQuestion::id))
                .param("skills", column(questions, q -> q.skill().code()))
                .param("topics", column(questions, QuizQuestion::topic))
                .param("difficulties", questions.stream().mapToInt(QuizQuestion::difficulty).toArray())
                .param("answers", column(questions, q -> String.valueOf(QuizQuestion.letter(q.answer()))))
                .param("en", column(questions, q -> json(q.text(Language.EN))))
                .param("hi", column(questions, q -> json(q.text(Language.HI))))
                .update();
    }

    private void upsertTopPartners(JdbcClient jdbc) {
        List<CommunityFile.TopPartner> partners = community.partners();
        jdbc.sql(UPSERT_PARTNERS)
                .param("phones", column(partners, CommunityFile.TopPartner::phone))
                .param("names", column(partners, CommunityFile.TopPartner::name))
                .param("cities", column(partners, CommunityFile.TopPartner::city))
                .param("products", column(partners, p -> p.products().stream().map(Product::name).collect(Collectors.joining(","))))
                .param("points", partners.stream().mapToInt(CommunityFile.TopPartner::points).toArray())
                .update();
    }

    private void upsertTips(JdbcClient jdbc) {
        List<CommunityFile.Tip> tips = community.tips();
        jdbc.sql(UPSERT_TIPS)
                .param("ids", column(tips, CommunityFile.Tip::id))
                .param("phones", column(tips, t -> t.partner().phone()))
                .param("skills", column(tips, t -> t.skill().code()))
                .param("products", column(tips, t -> t.product() == null ? null : t.product().name()))
                .param("en", column(tips, CommunityFile.Tip::en))
                .param("hi", column(tips, CommunityFile.Tip::hi))
                .update();
    }

    /** The shape the quiz_questions.en / .hi columns hold. */
    private static String json(QuizQuestion.Text text) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("q", text.question());
        value.put("options", text.options());
        value.put("explain", text.explanation());
        return SeedFiles.MAPPER.writeValueAsString(value);
    }

    private static <T> String[] column(List<T> rows, java.util.function.Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
