-- AlterTable
ALTER TABLE "chart_versions" ADD COLUMN     "promoted_from_id" UUID,
ADD COLUMN     "promoted_from_name" TEXT,
ADD COLUMN     "restored_from" INTEGER,
ADD COLUMN     "summary" TEXT;

-- AlterTable
ALTER TABLE "charts" ADD COLUMN     "base_version" INTEGER,
ADD COLUMN     "promoted_at" TIMESTAMPTZ(3),
ADD COLUMN     "promoted_version" INTEGER,
ADD COLUMN     "scenario_of" UUID;

-- CreateTable
CREATE TABLE "chart_snapshots" (
    "chart_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chart_snapshots_pkey" PRIMARY KEY ("chart_id","version")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "chart_id" UUID NOT NULL,
    "target_role" TEXT,
    "target_responsibility" TEXT,
    "reply_to" UUID,
    "author_account_id" UUID,
    "author_session" TEXT,
    "author_name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_name" TEXT,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rounds" (
    "id" UUID NOT NULL,
    "chart_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "responsibilities" JSONB NOT NULL,
    "roles" JSONB NOT NULL,
    "started_by_name" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealed_at" TIMESTAMPTZ(3),

    CONSTRAINT "rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "round_votes" (
    "round_id" UUID NOT NULL,
    "voter" TEXT NOT NULL,
    "voter_name" TEXT NOT NULL,
    "role_key" TEXT NOT NULL,
    "responsibility_key" TEXT NOT NULL,
    "codes" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "round_votes_pkey" PRIMARY KEY ("round_id","voter","role_key","responsibility_key")
);

-- CreateIndex
CREATE INDEX "comments_chart_id_created_at_idx" ON "comments"("chart_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_reply_to_idx" ON "comments"("reply_to");

-- CreateIndex
CREATE INDEX "rounds_chart_id_started_at_idx" ON "rounds"("chart_id", "started_at");

-- CreateIndex
CREATE INDEX "charts_scenario_of_idx" ON "charts"("scenario_of");

-- AddForeignKey
ALTER TABLE "charts" ADD CONSTRAINT "charts_scenario_of_fkey" FOREIGN KEY ("scenario_of") REFERENCES "charts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chart_snapshots" ADD CONSTRAINT "chart_snapshots_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_reply_to_fkey" FOREIGN KEY ("reply_to") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "round_votes" ADD CONSTRAINT "round_votes_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

