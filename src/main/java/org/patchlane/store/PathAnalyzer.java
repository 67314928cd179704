package org.patchlane.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * File paths of a diff: components split on '/' and whitespace and lower-cased, so {@code dfn:mlx5} and
 * {@code dfn:drivers/infiniband/hw/mlx5/main.c} (a phrase of components) both match.
 */
final class PathAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        CharTokenizer tokenizer = CharTokenizer.fromSeparatorCharPredicate(c -> c == '/' || Character.isWhitespace(c));
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return TextAnalyzer.VALUE_GAP;
    }
}
