package com.shisha.persistence.seed;

import com.shisha.core.Channel;
import com.shisha.core.ConversationKey;
import com.shisha.core.Language;
import com.shisha.core.Product;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Onboarded partners for benchmarks: each gets a partners row and a WhatsApp conversation resting at the main
 * menu with the slots onboarding leaves behind, so their first message is a menu choice, not "what is your name?".
 *
 * <p>Phones are {@code +9197} and eight digits that depend on the partner's index only (not the seed), so they
 * never meet the demo partners ({@code +9198...}), running twice changes nothing, and a larger count extends a
 * smaller one. The seed decides names, cities, products and languages.
 */
public final class PartnerGenerator {

    private static final int BATCH = 2_000;
    private static final int ONBOARDED_WITHIN_DAYS = 180;
    private static final Weighted<Integer> PRODUCT_COUNT = new Weighted<Integer>().add(1, 40).add(2, 40).add(3, 20);
    private static final Weighted<Language> LANGUAGE = new Weighted<Language>().add(Language.EN, 70).add(Language.HI, 30);

    /**
     * Slots as the onboarding dialog stores them (dialogs' Turn): language as its code, products as
     * comma-separated Product names in menu order, confirmed as the string "true".
     */
    private static final String INSERT = """
            with input as (
                select * from unnest(cast(:phones as text[]), cast(:keys as text[]), cast(:names as text[]),
                                     cast(:languages as text[]), cast(:cities as text[]), cast(:products as text[]),
                                     cast(:onboardedAgo as bigint[]))
                         as t(phone, conversation_key, name, language, city, products, onboarded_ago_s)),
            p as (
                insert into partners (phone, name, language, city, products, onboarded_at)
                select phone, name, language, city, string_to_array(products, ','),
                       now() - make_interval(secs => onboarded_ago_s)
                from input
                on conflict (phone) do nothing
                returning phone),
            c as (
                insert into conversations (conversation_key, channel, address, step, slots, language)
                select i.conversation_key, :channel, i.phone, 'MAIN_MENU',
                       jsonb_build_object('name', i.name, 'language', i.language, 'city', i.city,
                                          'products', i.products, 'confirmed', 'true'),
                       i.language
                from input i join p on p.phone = i.phone
                -- a new partner whose number had started onboarding: finish it
                on conflict (conversation_key) do update set step = excluded.step, slots = excluded.slots,
                    language = excluded.language, version = conversations.version + 1, updated_at = now())
            select count(*) from p""";

    private final Residents residents;

    PartnerGenerator(People people) {
        this.residents = new Residents(people);
    }

    public static PartnerGenerator fromSeedFiles() {
        return new PartnerGenerator(People.load());
    }

    /** @return the number of partners inserted (fewer than count if some phones existed already) */
    public int insertPartners(JdbcClient jdbc, int count, long seed) {
        if (count > 100_000_000) {
            throw new IllegalArgumentException("at most 10^8 partners fit the +9197 range, not " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int inserted = 0;
        for (int start = 0; start < count; start += BATCH) {
            int n = Math.min(BATCH, count - start);
            String[] phones = new String[n], keys = new String[n], names = new String[n], languages = new String[n];
            String[] cities = new String[n], products = new String[n];
            long[] onboardedAgo = new long[n];
            for (int i = 0; i < n; i++) {
                Residents.Resident who = residents.draw(random);
                phones[i] = "+9197" + PhoneNumbers.digits(start + i, 0, 8);
                keys[i] = new ConversationKey(Channel.WHATSAPP, phones[i]).value();
                names[i] = who.name();
                languages[i] = LANGUAGE.pick(random).code();
                cities[i] = who.city().name();
                products[i] = products(random).stream().map(Product::name).collect(Collectors.joining(","));
                onboardedAgo[i] = random.nextLong(ONBOARDED_WITHIN_DAYS * 86_400L);
            }
            inserted += jdbc.sql(INSERT)
                    .param("phones", phones).param("keys", keys).param("names", names).param("languages", languages)
                    .param("cities", cities).param("products", products).param("onboardedAgo", onboardedAgo)
                    .param("channel", Channel.WHATSAPP.name())
                    .query(Integer.class).single();
        }
        return inserted;
    }

    /** One to three distinct products; an EnumSet keeps them in menu order, as the onboarding dialog does. */
    private static Set<Product> products(SplittableRandom random) {
        List<Product> all = new ArrayList<>(List.of(Product.values()));
        Set<Product> chosen = EnumSet.noneOf(Product.class);
        for (int k = PRODUCT_COUNT.pick(random); k > 0; k--) {
            chosen.add(all.remove(random.nextInt(all.size())));
        }
        return chosen;
    }
}
