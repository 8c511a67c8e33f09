-- AlterTable
ALTER TABLE "chart_versions" ADD COLUMN     "author_id" UUID,
ADD COLUMN     "author_name" TEXT,
ADD COLUMN     "author_peer" TEXT,
ADD COLUMN     "batch_id" UUID;

-- AlterTable
ALTER TABLE "charts" ADD COLUMN     "counts_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "locked_by" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "chart_versions_chart_id_batch_id_key" ON "chart_versions"("chart_id", "batch_id");


-- Counts written before this migration were computed at each chart's version.
UPDATE "charts" SET "counts_version" = "version";
