package com.leadcast.scim.filter;

import com.leadcast.scim.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for RFC 7644 §3.4.2.2 (Figure 1) and §3.5.2 (Figure 7). One method per
 * precedence level: {@code or} &lt; {@code and} &lt; {@code not}/parentheses/attribute expressions.
 * An instance parses one input and is then discarded.
 */
final class Parser {
    private final String input;
    private final boolean pathMode;
    private final Tokenizer tokenizer;
    private final List<Token> lookahead = new ArrayList<>();
    private int depth;
    private Token openBracket;   // the '[' whose value filter is being parsed, else null
    private Token previous;      // the last consumed token
    private Token bareValue;     // the last unquoted word taken as a string value

    Parser(String input, boolean pathMode) {
        this.input = input;
        this.pathMode = pathMode;
        this.tokenizer = new Tokenizer(input, this::error);
    }

    /** {@code FILTER} followed by the end of input. */
    Filter parseFilter() {
        if (peek().is(Kind.END)) {
            throw error("Filter is empty; expected an expression such as userName eq \"bjensen\"", 0);
        }
        Filter filter = parseOr();
        Token token = peek();
        if (token.is(Kind.CLOSE_PAREN) || token.is(Kind.CLOSE_BRACKET)) {
            String open = token.is(Kind.CLOSE_PAREN) ? "'('" : "'['";
            throw error("Unexpected " + token.describe() + " at position " + token.start()
                    + ": there is no matching " + open, token.start());
        }
        if (!token.is(Kind.END)) {
            throw error("Expected 'and', 'or' or end of filter at position " + token.start()
                    + ", found " + token.describe() + quoteHint(token), token.start());
        }
        return filter;
    }

    /** {@code PATH = attrPath / valuePath [subAttr]} followed by the end of input. */
    PatchPath parsePath() {
        Token first = next();
        if (first.is(Kind.END)) {
            throw error("PATCH path is empty; expected an attribute path such as name.givenName "
                    + "or emails[type eq \"work\"].value", 0);
        }
        if (!first.is(Kind.WORD)) {
            throw error("Expected an attribute name at position " + first.start() + ", found "
                    + first.describe(), first.start());
        }
        AttrPath attribute = AttrPathReader.read(first, this::error);
        Filter valueFilter = null;
        String subAttr = null;
        if (peek().is(Kind.OPEN_BRACKET)) {
            valueFilter = parseValueFilter(attribute);
            if (peek().isDotWord()) {
                subAttr = AttrPathReader.readSubAttr(next(), this::error);
            }
        }
        Token token = peek();
        if (!token.is(Kind.END)) {
            String expected = valueFilter == null ? "'[' or end of path"
                    : subAttr == null ? "'.' and a sub-attribute name, or end of path" : "end of path";
            throw error("Expected " + expected + " at position " + token.start() + ", found "
                    + token.describe(), token.start());
        }
        return new PatchPath(attribute, valueFilter, subAttr);
    }

    private Filter parseOr() {
        List<Filter> operands = new ArrayList<>(List.of(parseAnd()));
        while (peek().isWord("or")) {
            next();
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    private Filter parseAnd() {
        List<Filter> operands = new ArrayList<>(List.of(parsePrimary()));
        while (peek().isWord("and")) {
            next();
            operands.add(parsePrimary());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    /** {@code "(" FILTER ")"}, {@code "not" "(" FILTER ")"}, {@code attrExp} or {@code valuePath}. */
    private Filter parsePrimary() {
        Token token = peek();
        if (token.is(Kind.OPEN_PAREN)) {
            return parseGroup();
        }
        if (token.isWord("not") && !isOperator(peekSecond())) {   // "not eq 1" compares an attribute named not
            next();
            if (!peek().is(Kind.OPEN_PAREN)) {
                throw error("Expected '(' after 'not' at position " + peek().start() + ", found "
                        + peek().describe() + "; write not (expression)", peek().start());
            }
            return new Filter.Not(parseGroup());
        }
        if (token.is(Kind.WORD) && !token.isWord("and") && !token.isWord("or")) {
            return parseAttributeExpression();
        }
        String after = previous == null ? "" : " after " + previous.describe();
        throw error("Expected an attribute name, '(' or 'not'" + after + " at position " + token.start()
                + ", found " + token.describe(), token.start());
    }

    private Filter parseGroup() {
        Token open = next();
        enter(open);
        Filter inner = parseOr();
        expectClose(open, Kind.CLOSE_PAREN);
        depth--;
        return inner;
    }

    /** {@code attrPath SP compareOp SP compValue}, {@code attrPath SP "pr"} or {@code valuePath}. */
    private Filter parseAttributeExpression() {
        Token pathToken = next();
        AttrPath path = AttrPathReader.read(pathToken, this::error);
        if (openBracket != null && (path.uri() != null || path.subAttr() != null)) {
            throw error("Invalid attribute path " + pathToken.describe() + " at position " + pathToken.start()
                    + ": inside '[...]' use only sub-attribute names such as type or value", pathToken.start());
        }
        if (!peek().is(Kind.OPEN_BRACKET)) {
            return parseComparison(path, pathToken.text());
        }
        Filter inner = parseValueFilter(path);
        if (!peek().isDotWord()) {
            return new Filter.ValuePath(path, inner);
        }
        // Microsoft Entra form: emails[type eq "work"].value eq "x"
        Token subToken = next();
        AttrPath subPath = AttrPath.of(AttrPathReader.readSubAttr(subToken, this::error));
        Filter comparison = parseComparison(subPath, input.substring(pathToken.start(), subToken.end()));
        return new Filter.ValuePath(path, new Filter.And(inner, comparison));
    }

    /** {@code "[" valFilter "]"} after {@code attribute}; the bracket is the next token. */
    private Filter parseValueFilter(AttrPath attribute) {
        Token open = next();
        if (openBracket != null) {
            throw error("Unexpected '[' at position " + open.start() + ": a filter inside '[...]' cannot contain "
                    + "another '[...]' (the '[' at position " + openBracket.start() + " is still open)", open.start());
        }
        if (attribute.subAttr() != null) {
            throw error("Unexpected '[' at position " + open.start() + ": a value filter must follow a "
                    + "multi-valued attribute such as emails, not the sub-attribute '" + attribute + "'", open.start());
        }
        enter(open);
        openBracket = open;
        Filter inner = parseOr();
        expectClose(open, Kind.CLOSE_BRACKET);
        openBracket = null;
        depth--;
        return inner;
    }

    private Filter parseComparison(AttrPath path, String shownPath) {
        Token opToken = next();
        CompareOp op = opToken.is(Kind.WORD) ? CompareOp.fromKeyword(opToken.text()).orElse(null) : null;
        if (op == null) {
            throw error("Expected a comparison operator after '" + shownPath + "' at position " + opToken.start()
                    + ", found " + opToken.describe() + "; use one of eq, ne, co, sw, ew, gt, ge, lt, le or pr",
                    opToken.start());
        }
        if (op == CompareOp.PR) {
            return new Filter.Present(path);
        }
        return new Filter.Compare(path, op, parseValue(shownPath + " " + opToken.text()));
    }

    /**
     * {@code compValue = false / null / true / number / string}, plus the leniency that an unquoted
     * word which is neither a keyword nor a number is taken as a string ({@code externalId eq jyoung}).
     */
    private Object parseValue(String after) {
        Token token = next();
        if (token.is(Kind.STRING)) {
            return token.value();
        }
        if (token.is(Kind.WORD) && !Lexicon.isReserved(token.text())) {
            String word = token.text();
            if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
                return Boolean.valueOf(word);
            }
            if (word.equalsIgnoreCase("null")) {
                return null;
            }
            if (Lexicon.isJsonNumber(word)) {
                return number(token);
            }
            bareValue = token;
            return word;
        }
        throw error("Expected a value after '" + after + "' at position " + token.start() + ", found "
                + token.describe() + "; use a \"quoted string\", a number, true, false or null", token.start());
    }

    private Object number(Token token) {
        try {
            return Lexicon.toNumber(token.text());
        } catch (NumberFormatException e) {
            throw error("Number " + token.describe() + " at position " + token.start() + " is out of range",
                    token.start());
        }
    }

    private void expectClose(Token open, Kind close) {
        Token token = peek();
        if (!token.is(close)) {
            String closer = close == Kind.CLOSE_PAREN ? "')'" : "']'";
            throw error("Expected 'and', 'or' or " + closer + " at position " + token.start() + " to close the "
                    + open.describe() + " at position " + open.start() + ", found " + token.describe()
                    + quoteHint(token), token.start());
        }
        next();
    }

    private void enter(Token open) {
        if (++depth > FilterParser.MAX_DEPTH) {
            throw error(noun() + " nests deeper than " + FilterParser.MAX_DEPTH + " levels of parentheses "
                    + "and brackets at position " + open.start() + "; simplify it", open.start());
        }
    }

    /** Suggests quotes when an unquoted value is followed by another word: {@code displayName eq Babs Jensen}. */
    private String quoteHint(Token token) {
        if (bareValue == null || bareValue != previous || !token.is(Kind.WORD)) {
            return "";
        }
        return "; enclose a value that contains spaces in double quotes, e.g. \""
                + input.substring(bareValue.start(), token.end()) + "\"";
    }

    private static boolean isOperator(Token token) {
        return token.is(Kind.WORD) && CompareOp.fromKeyword(token.text()).isPresent();
    }

    private String noun() {
        return pathMode ? "PATCH path" : "Filter";
    }

    private Token peek() {
        if (lookahead.isEmpty()) {
            lookahead.add(tokenizer.next());
        }
        return lookahead.get(0);
    }

    private Token peekSecond() {
        peek();
        if (lookahead.size() < 2) {
            lookahead.add(tokenizer.next());
        }
        return lookahead.get(1);
    }

    private Token next() {
        peek();
        previous = lookahead.remove(0);
        return previous;
    }

    private FilterException error(String message, int position) {
        return FilterException.create(pathMode, openBracket != null, message, position);
    }
}
