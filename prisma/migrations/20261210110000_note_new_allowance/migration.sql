-- "Study them anyway" in a note's session raises that note's new cards for the day only.
CREATE TABLE "NoteNewAllowance" (
    "userId" TEXT NOT NULL,
    "paperId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "allowance" INTEGER NOT NULL,

    CONSTRAINT "NoteNewAllowance_pkey" PRIMARY KEY ("userId","paperId","day")
);

-- AddForeignKey
ALTER TABLE "NoteNewAllowance" ADD CONSTRAINT "NoteNewAllowance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteNewAllowance" ADD CONSTRAINT "NoteNewAllowance_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper"("id") ON DELETE CASCADE ON UPDATE CASCADE;
