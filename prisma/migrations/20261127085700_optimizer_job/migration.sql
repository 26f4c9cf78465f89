BEGIN;

-- CreateTable
CREATE TABLE "OptimizerJob" (
    "userId" TEXT NOT NULL,
    "job" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptimizerJob_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "OptimizerJob" ADD CONSTRAINT "OptimizerJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

COMMIT;
