-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LineKind" AS ENUM ('solid', 'dotted');

-- CreateEnum
CREATE TYPE "RaciCode" AS ENUM ('R', 'A', 'C', 'I', 'S');

-- CreateTable
CREATE TABLE "charts" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "settings" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "role_count" INTEGER NOT NULL DEFAULT 0,
    "responsibility_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "info_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roles" (
    "chart_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "holder" TEXT,
    "department" TEXT,
    "notes" TEXT,
    "position_x" DOUBLE PRECISION,
    "position_y" DOUBLE PRECISION,

    CONSTRAINT "roles_pkey" PRIMARY KEY ("chart_id","key")
);

-- CreateTable
CREATE TABLE "reporting_lines" (
    "id" BIGSERIAL NOT NULL,
    "chart_id" UUID NOT NULL,
    "manager_key" TEXT NOT NULL,
    "report_key" TEXT NOT NULL,
    "kind" "LineKind" NOT NULL,

    CONSTRAINT "reporting_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "responsibilities" (
    "chart_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT,
    "description" TEXT,

    CONSTRAINT "responsibilities_pkey" PRIMARY KEY ("chart_id","key")
);

-- CreateTable
CREATE TABLE "assignments" (
    "id" BIGSERIAL NOT NULL,
    "chart_id" UUID NOT NULL,
    "role_key" TEXT NOT NULL,
    "responsibility_key" TEXT NOT NULL,
    "code" "RaciCode" NOT NULL,

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chart_versions" (
    "chart_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chart_versions_pkey" PRIMARY KEY ("chart_id","version")
);

-- CreateIndex
CREATE INDEX "charts_updated_at_id_idx" ON "charts"("updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "reporting_lines_chart_id_report_key_idx" ON "reporting_lines"("chart_id", "report_key");

-- CreateIndex
CREATE UNIQUE INDEX "reporting_lines_chart_id_manager_key_report_key_kind_key" ON "reporting_lines"("chart_id", "manager_key", "report_key", "kind");

-- CreateIndex
CREATE INDEX "assignments_chart_id_responsibility_key_idx" ON "assignments"("chart_id", "responsibility_key");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_chart_id_role_key_responsibility_key_code_key" ON "assignments"("chart_id", "role_key", "responsibility_key", "code");

-- AddForeignKey
ALTER TABLE "roles" ADD CONSTRAINT "roles_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_lines" ADD CONSTRAINT "reporting_lines_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_lines" ADD CONSTRAINT "reporting_lines_chart_id_manager_key_fkey" FOREIGN KEY ("chart_id", "manager_key") REFERENCES "roles"("chart_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporting_lines" ADD CONSTRAINT "reporting_lines_chart_id_report_key_fkey" FOREIGN KEY ("chart_id", "report_key") REFERENCES "roles"("chart_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_chart_id_role_key_fkey" FOREIGN KEY ("chart_id", "role_key") REFERENCES "roles"("chart_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_chart_id_responsibility_key_fkey" FOREIGN KEY ("chart_id", "responsibility_key") REFERENCES "responsibilities"("chart_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chart_versions" ADD CONSTRAINT "chart_versions_chart_id_fkey" FOREIGN KEY ("chart_id") REFERENCES "charts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

