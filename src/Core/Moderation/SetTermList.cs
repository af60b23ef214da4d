using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Organisations;

namespace Engagement.Core.Moderation;

/// <summary>Replaces one of an organisation's term lists; entries are trimmed and de-duplicated, empty or absurd ones refused.</summary>
public sealed class SetTermList(IOrganisationStore organisations, ITermListStore lists, IAuditLog audit, SupportedLanguages languages, TimeProvider clock) : IUseCase
{
    public sealed record Request(string OrganisationId, TermListKind Kind, string Language, IReadOnlyList<string> Terms);

    public async Task<Result<TermList>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("kind", request.Kind);
        v.Language("language", request.Language, languages);
        var terms = new List<string>();
        if (request.Terms.Count > TermList.MaxTerms)
        {
            v.Add("terms", ErrorCodes.OutOfRange, $"A list holds at most {TermList.MaxTerms} terms.");
        }
        else
        {
            for (var i = 0; i < request.Terms.Count; i++)
            {
                var term = request.Terms[i]?.Trim() ?? "";
                if (term.Length == 0)
                    v.Add($"terms[{i}]", ErrorCodes.Required, "A term cannot be empty.");
                else if (term.Length > TermList.MaxTermLength)
                    v.Add($"terms[{i}]", ErrorCodes.TooLong, $"A term is at most {TermList.MaxTermLength} characters.");
                else if (!Validator.IsWellFormed(term) || term.Any(char.IsControl))
                    v.Add($"terms[{i}]", ErrorCodes.InvalidFormat, "A term cannot hold control characters or broken Unicode.");
                else if (!terms.Contains(term, StringComparer.OrdinalIgnoreCase))
                    terms.Add(term);
            }
        }
        if (v.HasErrors)
            return Result<TermList>.Fail(v.Errors);
        if (await organisations.GetAsync(request.OrganisationId, ct) is null)
            return Result<TermList>.Fail("organisationId", ErrorCodes.NotFound, "There is no such organisation.");

        var list = new TermList
        {
            OrganisationId = request.OrganisationId,
            Kind = request.Kind,
            Language = request.Language,
            Terms = terms,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = actor.ToString(),
        };
        await lists.SaveAsync(list, ct);
        await audit.RecordAsync(clock, actor, list.OrganisationId, AuditActions.TermListChanged, "term_list",
            $"{list.Kind.ToString().ToLowerInvariant()}:{list.Language}", detail: $"{terms.Count} terms", ct: ct);
        return list;
    }
}
