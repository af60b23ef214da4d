using System.Text;
using Engagement.Core.Insights;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>
/// The scorer's defined outcomes for texts the model should not read, its agreement between single and batch scoring
/// and across threads, and that no string makes it throw.
/// </summary>
public sealed class SentimentScorerTests
{
    private static ISentimentScorer Scorer => ShippedModel.Instance;

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("?!... ---")]
    public void A_text_with_nothing_to_read_is_unknown_and_says_it_is_empty(string text)
    {
        Assert.Equal(SentimentScore.Unknown(SentimentNote.Empty), Scorer.Score(text));
    }

    [Theory]
    [InlineData("El servicio es muy lento y nadie contesta el teléfono.")]
    [InlineData("Der Service war sehr schlecht und das Personal nicht freundlich.")]
    [InlineData("Обслуживание было очень медленным.")]
    [InlineData("服务太慢了，没有人接电话。")]
    public void A_text_in_another_language_is_unknown_rather_than_guessed(string text)
    {
        Assert.Equal(SentimentScore.Unknown(SentimentNote.UnsupportedLanguage), Scorer.Score(text));
    }

    [Theory]
    [InlineData("👍👍", SentimentLabel.Positive)]
    [InlineData("😡 😡 😡", SentimentLabel.Negative)]
    [InlineData(":(", SentimentLabel.Negative)]
    [InlineData("🚌", SentimentLabel.Neutral)]
    public void An_emoji_only_text_is_read_from_the_emoji_list(string text, SentimentLabel expected)
    {
        var score = Scorer.Score(text);

        Assert.Equal((expected, SentimentNote.EmojiOnly, "und"), (score.Label, score.Note, score.Language));
        Assert.Equal(1, score.Negative + score.Neutral + score.Positive, 3);
    }

    [Fact]
    public void A_100_KB_text_is_scored_on_its_beginning_and_says_it_was_truncated()
    {
        var text = new StringBuilder().Insert(0, "The passport office lost my application twice and nobody called back. ", 1_500).ToString();
        Assert.True(text.Length > 100_000);

        var score = Scorer.Score(text);

        Assert.Equal((SentimentLabel.Negative, SentimentNote.Truncated, "en"), (score.Label, score.Note, score.Language));
    }

    [Theory]
    [InlineData("The staff were kind and my renewal arrived in a week. Thank you!", SentimentLabel.Positive, "en")]
    [InlineData("Three hours on hold and then the line cut off. Useless.", SentimentLabel.Negative, "en")]
    [InlineData("Le personnel était très aimable et tout a été réglé en dix minutes.", SentimentLabel.Positive, "fr")]
    [InlineData("Ça fait trois semaines que j'attends une réponse, c'est inacceptable.", SentimentLabel.Negative, "fr")]
    [InlineData("À quelle heure ouvre le bureau le samedi?", SentimentLabel.Neutral, "fr")]
    [InlineData("Does the new schedule apply on statutory holidays?", SentimentLabel.Neutral, "en")]
    public void Plain_texts_get_the_label_any_reader_would_give(string text, SentimentLabel expected, string language)
    {
        var score = Scorer.Score(text);

        Assert.Equal((expected, language, SentimentNote.None), (score.Label, score.Language, score.Note));
        Assert.Equal(1, score.Negative + score.Neutral + score.Positive, 3);
        Assert.Equal(score.Probability, new[] { score.Negative, score.Neutral, score.Positive }.Max());
    }

    [Fact]
    public void Batch_scoring_gives_what_scoring_one_by_one_gives()
    {
        string[] texts = ["", "Great service!", "Service nul.", "👍", "El servicio es malo.", "Is the office open on Monday?", "Pas mal du tout, merci."];

        var batch = Scorer.ScoreMany(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var one = Scorer.Score(texts[i]);
            Assert.Equal((one.Label, one.Language, one.Note), (batch[i].Label, batch[i].Language, batch[i].Note));
            Assert.Equal(one.Probability, batch[i].Probability, 4);
        }
    }

    [Fact]
    public void Scoring_from_many_threads_at_once_gives_the_same_answers_as_one_thread()
    {
        var texts = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? $"Waited {i} minutes, staff were rude." : $"Merci pour le service rapide, dossier {i} réglé.").ToArray();
        var expected = texts.Select(Scorer.Score).ToArray();
        var actual = new SentimentScore[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Scorer.Score(texts[i]));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void No_string_makes_the_scorer_throw()
    {
        var random = new Random(20261124);
        for (var n = 0; n < 300; n++)
        {
            var length = random.Next(0, n % 50 == 0 ? 20_000 : 300);
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                // Any code point, lone surrogates included, as a hostile client could send them.
                var c = random.Next(10) switch
                {
                    0 => (char)random.Next(0xD800, 0xE000),
                    1 => (char)random.Next(0, 32),
                    < 5 => (char)random.Next(0x20, 0x250),
                    _ => (char)random.Next(0, 0x10000),
                };
                sb.Append(c);
            }
            var text = sb.ToString();

            var score = Scorer.Score(text);

            Assert.True(score.Label == SentimentLabel.Unknown || score.Probability > 0, $"no probability for a {score.Label} text");
        }
        Assert.Equal(2, Scorer.ScoreMany(["<script>alert(1)</script>", "<b><i><u>" + new string('<', 5_000)]).Count);
    }
}
