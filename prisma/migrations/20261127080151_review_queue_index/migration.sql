BEGIN;

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_idx" ON "CardState"("userId", "state", "due");

COMMIT;
