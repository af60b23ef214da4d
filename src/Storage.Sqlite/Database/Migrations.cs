namespace Engagement.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of scripts: script N takes the file from user_version N-1 to N. Scripts are
/// only ever appended; a shipped one is never edited, because files in the field already ran it.
/// </summary>
/// <remarks>
/// Each aggregate is one row: the columns queries filter, sort or unique-check on, and "doc", the aggregate as
/// JSON. Instants used for ordering are INTEGER UTC ticks. Uniqueness lives in constraints so it holds under
/// concurrency, across processes too.
/// </remarks>
internal static class Migrations
{
    private static readonly string[] Scripts =
    [
        """
        CREATE TABLE organisations (
            id   TEXT NOT NULL PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            doc  TEXT NOT NULL
        );

        CREATE TABLE services (
            id              TEXT NOT NULL PRIMARY KEY,
            organisation_id TEXT NOT NULL,
            slug            TEXT NOT NULL,
            doc             TEXT NOT NULL,
            UNIQUE (organisation_id, slug)
        );

        CREATE TABLE consultations (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            slug            TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            created_ticks   INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            doc             TEXT    NOT NULL,
            UNIQUE (organisation_id, slug)
        );
        CREATE INDEX ix_consultations_organisation ON consultations (organisation_id, created_ticks, id);
        CREATE INDEX ix_consultations_organisation_status ON consultations (organisation_id, status, created_ticks, id);

        CREATE TABLE comments (
            id              TEXT    NOT NULL PRIMARY KEY,
            consultation_id TEXT    NOT NULL,
            parent_id       TEXT,
            status          TEXT    NOT NULL,
            created_ticks   INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_comments_top_level ON comments (consultation_id, status, created_ticks, id) WHERE parent_id IS NULL;
        CREATE INDEX ix_comments_top_level_any ON comments (consultation_id, created_ticks, id) WHERE parent_id IS NULL;
        CREATE INDEX ix_comments_replies ON comments (parent_id, created_ticks, id) WHERE parent_id IS NOT NULL;

        CREATE TABLE comment_reactions (
            comment_id     TEXT    NOT NULL,
            participant_id TEXT    NOT NULL,
            reaction       TEXT    NOT NULL,
            at_ticks       INTEGER NOT NULL,
            PRIMARY KEY (comment_id, participant_id)
        ) WITHOUT ROWID;

        CREATE TABLE surveys (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            slug            TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            created_ticks   INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            doc             TEXT    NOT NULL,
            UNIQUE (organisation_id, slug)
        );
        CREATE INDEX ix_surveys_organisation ON surveys (organisation_id, created_ticks, id);
        CREATE INDEX ix_surveys_organisation_status ON surveys (organisation_id, status, created_ticks, id);

        CREATE TABLE survey_responses (
            id              TEXT    NOT NULL PRIMARY KEY,
            survey_id       TEXT    NOT NULL,
            participant_id  TEXT    NOT NULL,
            submitted_ticks INTEGER NOT NULL,
            doc             TEXT    NOT NULL,
            UNIQUE (survey_id, participant_id)
        );
        CREATE INDEX ix_survey_responses_survey ON survey_responses (survey_id, submitted_ticks, id);

        CREATE TABLE ratings (
            id            TEXT    NOT NULL PRIMARY KEY,
            service_id    TEXT    NOT NULL,
            created_ticks INTEGER NOT NULL,
            doc           TEXT    NOT NULL
        );
        CREATE INDEX ix_ratings_service ON ratings (service_id, created_ticks, id);

        CREATE TABLE participants (
            id         TEXT NOT NULL PRIMARY KEY,
            token_hash TEXT UNIQUE,
            email      TEXT UNIQUE,
            doc        TEXT NOT NULL
        );

        CREATE TABLE tallies (
            scope  TEXT    NOT NULL,
            bucket TEXT    NOT NULL,
            count  INTEGER NOT NULL,
            PRIMARY KEY (scope, bucket)
        ) WITHOUT ROWID;

        CREATE TABLE audit_log (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            target_id       TEXT    NOT NULL,
            at_ticks        INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_audit_log_organisation ON audit_log (organisation_id, at_ticks, id);
        CREATE INDEX ix_audit_log_target ON audit_log (organisation_id, target_id, at_ticks, id);
        """,
        // 2: surveys listed by consultation; staff members and their grants; API tokens.
        """
        ALTER TABLE surveys ADD COLUMN consultation_id TEXT;
        UPDATE surveys SET consultation_id = json_extract(doc, '$.consultationId');
        CREATE INDEX ix_surveys_consultation ON surveys (consultation_id, created_ticks, id) WHERE consultation_id IS NOT NULL;

        CREATE TABLE staff (
            id               TEXT    NOT NULL PRIMARY KEY,
            email            TEXT    NOT NULL UNIQUE,
            external_subject TEXT    UNIQUE,
            version          INTEGER NOT NULL,
            doc              TEXT    NOT NULL
        );

        -- One row per (organisation, member) holding any grant there; rewritten with the member's row.
        CREATE TABLE staff_grants (
            organisation_id TEXT NOT NULL,
            staff_id        TEXT NOT NULL,
            PRIMARY KEY (organisation_id, staff_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_staff_grants_staff ON staff_grants (staff_id);

        CREATE TABLE api_tokens (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            token_hash      TEXT    NOT NULL UNIQUE,
            created_ticks   INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_api_tokens_organisation ON api_tokens (organisation_id, created_ticks, id);
        """,
        // 3: widget keys.
        """
        CREATE TABLE widget_keys (
            id            TEXT    NOT NULL PRIMARY KEY,
            public_key    TEXT    NOT NULL UNIQUE,
            service_id    TEXT    NOT NULL,
            created_ticks INTEGER NOT NULL,
            doc           TEXT    NOT NULL
        );
        CREATE INDEX ix_widget_keys_service ON widget_keys (service_id, created_ticks, id);
        """,
        // 4: moderation term lists, one row per organisation, kind and language.
        """
        CREATE TABLE term_lists (
            organisation_id TEXT NOT NULL,
            kind            TEXT NOT NULL,
            language        TEXT NOT NULL,
            doc             TEXT NOT NULL,
            PRIMARY KEY (organisation_id, kind, language)
        ) WITHOUT ROWID;
        """,
        // 5: the moderation queue. The partial unique index lets a text have any number of decided items but only one
        // open one, and holds under concurrent adds; the queue lists by organisation and status in priority order.
        """
        CREATE TABLE moderation_items (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            kind            TEXT    NOT NULL,
            target_id       TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            priority        INTEGER NOT NULL,
            created_ticks   INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE UNIQUE INDEX ux_moderation_items_open_target ON moderation_items (kind, target_id) WHERE status <> 'Decided';
        CREATE INDEX ix_moderation_items_queue ON moderation_items (organisation_id, status, priority DESC, created_ticks, id);
        """,
        // 6: citizens' reports of comments. The primary key is the once-per-participant rule, so it holds under concurrent
        // reports; it also serves counting one comment's reports, which are few.
        """
        CREATE TABLE comment_reports (
            comment_id     TEXT    NOT NULL,
            participant_id TEXT    NOT NULL,
            reason         TEXT    NOT NULL,
            at_ticks       INTEGER NOT NULL,
            PRIMARY KEY (comment_id, participant_id)
        ) WITHOUT ROWID;
        """,
        // 7: texts awaiting review, for the start-up sweep that queues any whose queue item was never written. A rating's
        // comment status moves into a column of its own (backfilled from the document) so the sweep need not scan.
        """
        CREATE INDEX ix_comments_awaiting_review ON comments (created_ticks, id) WHERE status IN ('Held', 'Hidden');
        ALTER TABLE ratings ADD COLUMN comment_status TEXT;
        UPDATE ratings SET comment_status = json_extract(doc, '$.commentStatus') WHERE json_extract(doc, '$.commentStatus') IS NOT NULL;
        CREATE INDEX ix_ratings_held_comments ON ratings (created_ticks, id) WHERE comment_status = 'Held';
        """,
        // 8: the feed of texts made public, appended in the same commit as the write that publishes them (AUTOINCREMENT,
        // so a sequence is never reused and, with one writer, sequences follow commit order), and background checkpoints.
        """
        CREATE TABLE text_feed (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            kind      TEXT NOT NULL,
            target_id TEXT NOT NULL
        );
        CREATE TABLE checkpoints (
            name  TEXT    NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 9: the texts insights read per organisation (written with each tag; "changed" is the feed sequence that last
        // touched the row, so an organisation's largest is a watermark), and each organisation's theme snapshot.
        """
        CREATE TABLE insight_texts (
            kind            TEXT    NOT NULL,
            target_id       TEXT    NOT NULL,
            organisation_id TEXT    NOT NULL,
            language        TEXT    NOT NULL,
            label           TEXT    NOT NULL,
            at_ticks        INTEGER NOT NULL,
            changed         INTEGER NOT NULL,
            text            TEXT    NOT NULL,
            PRIMARY KEY (kind, target_id)
        ) WITHOUT ROWID;
        CREATE INDEX ix_insight_texts_recent ON insight_texts (organisation_id, at_ticks DESC);
        CREATE INDEX ix_insight_texts_changed ON insight_texts (organisation_id, changed);
        CREATE TABLE theme_snapshots (
            organisation_id TEXT NOT NULL PRIMARY KEY,
            doc             TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        // 10: drift alerts; the unique index is the one-alert-per-subject-metric-and-day rule, so concurrent checks (two
        // nodes) raise it once.
        """
        CREATE TABLE drift_alerts (
            id              TEXT NOT NULL PRIMARY KEY,
            organisation_id TEXT NOT NULL,
            subject         TEXT NOT NULL,
            subject_id      TEXT NOT NULL,
            metric          TEXT NOT NULL,
            day             TEXT NOT NULL,
            z               REAL NOT NULL,
            doc             TEXT NOT NULL
        );
        CREATE UNIQUE INDEX ux_drift_alerts_subject_day ON drift_alerts (subject, subject_id, metric, day);
        CREATE INDEX ix_drift_alerts_organisation ON drift_alerts (organisation_id, day DESC);
        """,
        // 11: the tally scope of each text insights read (its service, consultation or survey), so themes count per scope.
        """
        ALTER TABLE insight_texts ADD COLUMN scope TEXT NOT NULL DEFAULT '';
        """,
        // 12: the improvement backlog, one versioned document per item; the board lists an organisation's unmerged items.
        """
        CREATE TABLE backlog_items (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            status          TEXT    NOT NULL,
            merged          INTEGER NOT NULL,
            created_ticks   INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_backlog_items_board ON backlog_items (organisation_id, merged, status, created_ticks DESC);
        """,
        // 13: the durable email outbox; the dispatcher takes pending messages by when they are due.
        """
        CREATE TABLE outbox (
            id                 TEXT    NOT NULL PRIMARY KEY,
            status             TEXT    NOT NULL,
            next_attempt_ticks INTEGER NOT NULL,
            created_ticks      INTEGER NOT NULL,
            doc                TEXT    NOT NULL
        );
        CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_ticks);
        CREATE INDEX ix_outbox_status ON outbox (status, created_ticks DESC);
        """,
        // 14: closing the loop. The backlog's event feed (AUTOINCREMENT: a sequence is never reused, and with one writer
        // sequences follow commit order), the follow-up addresses contributors left, and unsubscribed addresses (hashed).
        """
        CREATE TABLE backlog_events (
            sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id         TEXT    NOT NULL,
            organisation_id TEXT    NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE TABLE follow_ups (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            contribution_id TEXT    NOT NULL,
            address         TEXT    NOT NULL,
            expires_ticks   INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_follow_ups_contribution ON follow_ups (organisation_id, contribution_id);
        CREATE INDEX ix_follow_ups_address ON follow_ups (address);
        CREATE INDEX ix_follow_ups_expiry ON follow_ups (expires_ticks);
        CREATE TABLE email_suppressions (
            list         TEXT    NOT NULL,
            address_hash TEXT    NOT NULL,
            at_ticks     INTEGER NOT NULL,
            PRIMARY KEY (list, address_hash)
        ) WITHOUT ROWID;
        """,
        // 15: webhooks. Endpoints are listed per organisation; a delivery's id is "{event sequence}.{endpoint id}", so the
        // fan-out stores each once; the dispatcher takes pending deliveries by when they are due, and admins list an
        // endpoint's deliveries newest first, in one status or all. The fan-out's checkpoint is a row of checkpoints.
        """
        CREATE TABLE webhook_endpoints (
            id              TEXT    NOT NULL PRIMARY KEY,
            organisation_id TEXT    NOT NULL,
            created_ticks   INTEGER NOT NULL,
            version         INTEGER NOT NULL,
            doc             TEXT    NOT NULL
        );
        CREATE INDEX ix_webhook_endpoints_organisation ON webhook_endpoints (organisation_id, created_ticks, id);
        CREATE TABLE webhook_deliveries (
            id                 TEXT    NOT NULL PRIMARY KEY,
            endpoint_id        TEXT    NOT NULL,
            sequence           INTEGER NOT NULL,
            status             TEXT    NOT NULL,
            next_attempt_ticks INTEGER NOT NULL,
            created_ticks      INTEGER NOT NULL,
            doc                TEXT    NOT NULL
        );
        CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_ticks);
        CREATE INDEX ix_webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_ticks DESC, sequence DESC);
        CREATE INDEX ix_webhook_deliveries_endpoint_status ON webhook_deliveries (endpoint_id, status, created_ticks DESC, sequence DESC);
        """,
        // 16: sign-in links (email challenges), counted per address for the hourly cap; tokens a participant was given
        // after its first (signing in on another device).
        """
        CREATE TABLE email_challenges (
            id            TEXT    NOT NULL PRIMARY KEY,
            token_hash    TEXT    NOT NULL UNIQUE,
            address       TEXT    NOT NULL,
            created_ticks INTEGER NOT NULL,
            doc           TEXT    NOT NULL
        );
        CREATE INDEX ix_email_challenges_address ON email_challenges (address, created_ticks);
        CREATE TABLE participant_tokens (
            token_hash     TEXT    NOT NULL PRIMARY KEY,
            participant_id TEXT    NOT NULL,
            created_ticks  INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // 17: what the retention jobs delete by age: sign-in links by when they were asked for, finished webhook deliveries
        // by status and when they were made.
        """
        CREATE INDEX ix_email_challenges_created ON email_challenges (created_ticks);
        CREATE INDEX ix_webhook_deliveries_finished ON webhook_deliveries (status, created_ticks);
        """,
    ];

    public static int Latest => Scripts.Length;

    public static string Script(int version) => Scripts[version - 1];
}
