package com.shisha.ai.coach;

import com.shisha.core.Language;
import com.shisha.core.Product;
import com.shisha.core.journey.Skill;

import java.util.List;
import java.util.Set;

/**
 * One section of the knowledge base in one language. The id is shared by the English and Hindi versions.
 *
 * @param products empty for sales and compliance sections that are not about one product
 * @param body     the text under the header lines: an intro paragraph and "- " bullets
 */
public record KbSection(String id, Language language, String title, Set<Product> products, Set<Skill> skills,
                        String body) {

    public KbSection {
        products = Set.copyOf(products);
        skills = Set.copyOf(skills);
    }

    /** The body's lines without the bullet marks, each a self-contained statement. */
    public List<String> statements() {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.startsWith("- ") ? l.substring(2).strip() : l).toList();
    }
}
