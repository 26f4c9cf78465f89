BEGIN;

-- AlterTable: Anki's load balancer and easy days, both off by default.
ALTER TABLE "UserSettings" ADD COLUMN     "easyDays" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
ADD COLUMN     "loadBalance" BOOLEAN NOT NULL DEFAULT false;

COMMIT;
