import { Injectable, Logger } from '@nestjs/common';
import type { NotificationDeliveredPayload } from '@foresight/contracts';
import { AccountReadModels } from '../../../account/account-read-models';
import { reportDataOf, scoreOf } from '../../domain/account-facts';
import { Cause } from '../shared/cause';
import { isRefusedTransition } from '../shared/refused';
import { withAccountFacts } from '../shared/report-loader';
import { ReportStreams } from '../shared/report-streams';

export interface MarkNotified {
  tenantId: string;
  deliveryEventId: string;
  delivery: NotificationDeliveredPayload;
  cause: Cause;
}

/**
 * The owner was told: the report becomes NOTIFIED with a snapshot of what was true at that moment
 * (its score with the account as the read model has it now), kept beside the latest data from then on.
 */
@Injectable()
export class MarkNotifiedHandler {
  private readonly logger = new Logger('MarkNotified');

  constructor(
    private readonly streams: ReportStreams,
    private readonly accounts: AccountReadModels,
  ) {}

  async execute({ tenantId, deliveryEventId, delivery, cause }: MarkNotified): Promise<void> {
    if (delivery.subjectType !== 'report') return;
    const reportId = delivery.subjectId;
    const { state } = await this.streams.load(reportId);
    // Not ours (another deployment's report), or another tenant's id: nothing to mark.
    if (state.status === 'EMPTY' || state.status === 'UNKNOWN' || state.tenantId !== tenantId) {
      this.logger.warn(
        `delivery ${delivery.notificationId} names report ${reportId}, which this tenant does not have`,
      );
      return;
    }
    const facts = await this.accounts.facts(tenantId, state.subject.accountId);
    const snapshot = withAccountFacts(
      state.latest.data,
      reportDataOf(scoreOf(state.latest.data), facts, delivery.at),
    );
    try {
      await this.streams.decide(
        tenantId,
        {
          type: 'MarkNotified',
          data: {
            reportId,
            notificationId: delivery.notificationId,
            channel: delivery.channel,
            snapshot,
            at: delivery.at,
          },
        },
        cause,
        `${deliveryEventId}:notified:${reportId}`,
      );
    } catch (err) {
      if (!isRefusedTransition(err)) throw err;
      this.logger.log(`report ${reportId} was not waiting for a notification: ${err.message}`);
    }
  }
}
