import { ApiProperty } from '@nestjs/swagger';

/** How much of the tenant's history ml-scoring holds: what a training run started now would read. */
export class HistorySummaryView {
  @ApiProperty({ description: 'accounts with any record version, usage row or outcome fact' })
  accounts!: number;

  @ApiProperty({ description: 'usage rows held, over all accounts' })
  usageRows!: number;

  @ApiProperty({ description: 'outcome facts held, over all accounts' })
  outcomeFacts!: number;
}
