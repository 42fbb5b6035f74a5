/** An admin deletes one report: an event on its stream; it leaves every list, the stream stays. */
export interface DeleteReportCommand {
  tenantId: string;
  reportId: string;
  by: string;
  reason: string | null;
  requestId: string;
  at: string;
}

export const DeleteReportCommand = {
  create(input: DeleteReportCommand): DeleteReportCommand {
    return { ...input, reason: input.reason?.trim() || null };
  },
};
