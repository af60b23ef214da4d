using BenchmarkDotNet.Attributes;
using Engagement.Core.Comments;
using Engagement.Core.Surveys;
using Engagement.Storage.Mongo;
using Engagement.Storage.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Engagement.Bench.Storage;

/// <summary>
/// What turning a record into the stored document costs a node: the MongoDB adapter's BSON class maps against the SQLite
/// adapter's JSON document (the reference), for a comment and for a ten-answer survey response, both ways. This is the
/// part of a Mongo write that runs on the API node; the round trips to the server could not be measured here.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class DocumentMappingBenchmarks
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1234);

    private Comment _comment = null!;
    private SurveyResponse _response = null!;
    private string _commentJson = "";
    private string _responseJson = "";
    private byte[] _commentBson = [];
    private byte[] _responseBson = [];

    [GlobalSetup]
    public void Setup()
    {
        BsonMaps.Register();
        _comment = new Comment
        {
            Id = "0197c0d5e8f47a1b9c3d2e6f80a1b2c3", ConsultationId = "0197c0d5e8f47a1b9c3d2e6f80a1b2c4", OrganisationId = "0197c0d5e8f47a1b9c3d2e6f80a1b2c5",
            ParticipantId = "0197c0d5e8f47a1b9c3d2e6f80a1b2c6", Language = "fr", Status = CommentStatus.Published, CreatedAt = At, UpdatedAt = At,
            Text = "Le déneigement des trottoirs dans mon quartier arrive trop tard le matin ; les personnes âgées ne peuvent pas sortir avant midi.",
        };
        _response = new SurveyResponse
        {
            Id = "0197c0d5e8f47a1b9c3d2e6f80a1b2d0", SurveyId = "0197c0d5e8f47a1b9c3d2e6f80a1b2d1", OrganisationId = "0197c0d5e8f47a1b9c3d2e6f80a1b2c5",
            ParticipantId = "0197c0d5e8f47a1b9c3d2e6f80a1b2c6", Language = "en", SubmittedAt = At,
            Answers = Enumerable.Range(1, 10).ToDictionary(i => $"q{i}", i => i % 3 == 0 ? Answer.OfText("The wait at the counter was far too long.") : i % 3 == 1 ? Answer.Of(i) : Answer.Choice("opt-a", "opt-c")),
        };
        _commentJson = StorageJson.Serialize(_comment);
        _responseJson = StorageJson.Serialize(_response);
        _commentBson = _comment.ToBson();
        _responseBson = _response.ToBson();
    }

    [Benchmark(Baseline = true)]
    public string Comment_write_sqlite_json() => StorageJson.Serialize(_comment);

    [Benchmark]
    public byte[] Comment_write_mongo_bson() => _comment.ToBson();

    [Benchmark]
    public Comment Comment_read_sqlite_json() => StorageJson.Deserialize<Comment>(_commentJson);

    [Benchmark]
    public Comment Comment_read_mongo_bson() => BsonSerializer.Deserialize<Comment>(_commentBson);

    [Benchmark]
    public string Response_write_sqlite_json() => StorageJson.Serialize(_response);

    [Benchmark]
    public byte[] Response_write_mongo_bson() => _response.ToBson();

    [Benchmark]
    public SurveyResponse Response_read_sqlite_json() => StorageJson.Deserialize<SurveyResponse>(_responseJson);

    [Benchmark]
    public SurveyResponse Response_read_mongo_bson() => BsonSerializer.Deserialize<SurveyResponse>(_responseBson);
}
