using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Engagement.Api.GraphQL;

/// <summary>
/// Cheap checks that refuse abusive documents before the engine validates them: a lexical pass over the text
/// (before parsing) and one walk of the parsed document that sizes every fragment once. Wide documents (alias
/// bombs), deep ones and fragment bombs cost a single linear pass to refuse, not a full validation.
/// </summary>
internal static class DocumentGuard
{
    /// <summary>Field selections a document may write out, aliases included; a rich page writes a few dozen.</summary>
    public const int MaxWrittenFields = 500;

    /// <summary>Field selections once every fragment spread is expanded.</summary>
    public const int MaxExpandedFields = 5_000;

    // Before parsing, names (fields, arguments, types) are only estimated, so the bound is looser.
    private const int MaxNamesBeforeParsing = MaxWrittenFields * 4;
    private const int MaxBracesBeforeParsing = 64;

    /// <summary>One pass over the text, skipping strings and comments: too many names or nested braces is refused unparsed.</summary>
    public static string? CheckText(string query)
    {
        var names = 0;
        var depth = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '#')
            {
                while (i < query.Length && query[i] != '\n')
                    i++;
            }
            else if (c == '"')
            {
                var block = i + 2 < query.Length && query[i + 1] == '"' && query[i + 2] == '"';
                i = block ? SkipBlockString(query, i + 3) : SkipString(query, i + 1);
            }
            else if (c == '{')
            {
                if (++depth > MaxBracesBeforeParsing)
                    return $"The document is nested deeper than {MaxBracesBeforeParsing} levels.";
            }
            else if (c == '}')
                depth--;
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                if (++names > MaxNamesBeforeParsing)
                    return $"The document selects more than {MaxWrittenFields} fields (aliases included).";
                while (i + 1 < query.Length && (char.IsAsciiLetterOrDigit(query[i + 1]) || query[i + 1] == '_'))
                    i++;
            }
        }
        return null;
    }

    /// <summary>Counts written and expanded fields and the deepest selection, sizing each fragment once.</summary>
    public static string? CheckDocument(GraphQLDocument document, int maxDepth)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var sized = new Dictionary<string, (long Fields, int Depth)>();
        var inProgress = new HashSet<string>();
        var written = 0;

        (long Fields, int Depth) Size(GraphQLSelectionSet set)
        {
            long fields = 0;
            var depth = 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        written++;
                        var (childFields, childDepth) = field.SelectionSet is { } children ? Size(children) : (0, 0);
                        fields += 1 + childFields;
                        depth = Math.Max(depth, 1 + childDepth);
                        break;
                    case GraphQLInlineFragment { SelectionSet: { } inline }:
                        var (inlineFields, inlineDepth) = Size(inline);
                        fields += inlineFields;
                        depth = Math.Max(depth, inlineDepth);
                        break;
                    case GraphQLFragmentSpread spread:
                        var (spreadFields, spreadDepth) = SizeFragment(spread.FragmentName.Name.StringValue);
                        fields += spreadFields;
                        depth = Math.Max(depth, spreadDepth);
                        break;
                }
                // Saturate instead of overflowing; anything this large is refused anyway.
                fields = Math.Min(fields, int.MaxValue);
            }
            return (fields, depth);
        }

        (long Fields, int Depth) SizeFragment(string name)
        {
            if (sized.TryGetValue(name, out var known))
                return known;
            // Unknown or self-referencing fragments are the validator's to report; they add nothing here.
            if (!fragments.TryGetValue(name, out var fragment) || !inProgress.Add(name))
                return (0, 0);
            var size = Size(fragment.SelectionSet);
            inProgress.Remove(name);
            sized[name] = size;
            return size;
        }

        long expanded = 0;
        var deepest = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var (fields, depth) = Size(operation.SelectionSet);
            expanded = Math.Min(expanded + fields, int.MaxValue);
            deepest = Math.Max(deepest, depth);
        }
        foreach (var name in fragments.Keys)
            SizeFragment(name);

        if (written > MaxWrittenFields)
            return $"The document selects {written} fields (aliases included); the limit is {MaxWrittenFields}.";
        if (expanded > MaxExpandedFields)
            return $"With its fragments expanded the document selects {expanded} fields; the limit is {MaxExpandedFields}.";
        if (deepest > maxDepth)
            return $"The query nests {deepest} levels deep; the depth limit is {maxDepth}.";
        return null;
    }

    /// <summary>
    /// Estimates the complexity score the engine's analyzer will compute (one per field; a list multiplies its
    /// selection by its own or its parent's <c>first</c>, else by <paramref name="defaultListMultiplier"/>) in one
    /// walk that sizes each fragment once, and refuses the document above the limit before the engine validates it:
    /// validating a document that wide costs many times what refusing it here does. The analyzer still runs on
    /// everything that passes.
    /// </summary>
    public static string? CheckComplexity(GraphQLDocument document, ISchema schema, Inputs? variables, double maxComplexity, double defaultListMultiplier)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var sized = new Dictionary<(string, double?), double>();
        var inProgress = new HashSet<string>();

        double? First(GraphQLField field)
        {
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                var name = argument.Name.StringValue;
                if (name is not ("first" or "last"))
                    continue;
                return argument.Value switch
                {
                    GraphQLIntValue literal when int.TryParse(literal.Value.Span, out var n) => n,
                    GraphQLVariable variable when variables is not null && variables.TryGetValue(variable.Name.StringValue, out var v) && v is int or long => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
            }
            return null;
        }

        double Cost(GraphQLSelectionSet set, IComplexGraphType? parent, double? parentFirst)
        {
            double total = 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        total += 1;
                        if (field.SelectionSet is not { } children)
                            break;
                        var definition = parent?.GetField(field.Name.Value);
                        var type = definition?.ResolvedType;
                        var isList = type is ListGraphType || (type is NonNullGraphType { ResolvedType: ListGraphType });
                        var first = First(field);
                        var multiplier = isList ? first ?? parentFirst ?? defaultListMultiplier : 1;
                        total += multiplier * Cost(children, type?.GetNamedType() as IComplexGraphType, isList ? null : first);
                        break;
                    case GraphQLInlineFragment inline:
                        var inlineType = inline.TypeCondition is { } condition ? schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType : parent;
                        total += Cost(inline.SelectionSet, inlineType ?? parent, parentFirst);
                        break;
                    case GraphQLFragmentSpread spread:
                        total += Fragment(spread.FragmentName.Name.StringValue, parentFirst);
                        break;
                }
                if (total > maxComplexity)
                    return total;
            }
            return total;
        }

        double Fragment(string name, double? parentFirst)
        {
            if (sized.TryGetValue((name, parentFirst), out var known))
                return known;
            if (!fragments.TryGetValue(name, out var fragment) || !inProgress.Add(name))
                return 0;
            var cost = Cost(fragment.SelectionSet, schema.AllTypes[fragment.TypeCondition.Type.Name.StringValue] as IComplexGraphType, parentFirst);
            inProgress.Remove(name);
            sized[(name, parentFirst)] = cost;
            return cost;
        }

        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            IComplexGraphType? root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => null,
            };
            var cost = Cost(operation.SelectionSet, root, null);
            if (cost > maxComplexity)
                return $"Query is too complex to execute. Complexity is at least {Math.Round(cost)}; the maximum allowed is {maxComplexity}.";
        }
        return null;
    }

    private static int SkipString(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == '"' || text[i] == '\n')
                return i;
        }
        return i;
    }

    private static int SkipBlockString(string text, int i)
    {
        var end = text.IndexOf("\"\"\"", i, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 2;
    }
}
