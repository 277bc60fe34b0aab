import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { RegionNodeDto } from './dto/region.dto.js';
import { RegionsRepository } from './regions.repository.js';

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  /** The whole tree; a submitter sees only its own subtree. */
  async tree(user: AuthUser): Promise<RegionNodeDto[]> {
    const rows = await this.regions.all();
    const nodes = new Map<string, RegionNodeDto>(rows.map((r) => [r.code, { ...r, children: [] }]));
    const roots: RegionNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    if (user.role === 'submitter' && user.regionCode) {
      const own = nodes.get(user.regionCode);
      return own ? [own] : [];
    }
    return roots;
  }

  async get(code: string): Promise<RegionNodeDto> {
    const region = await this.regions.find(code);
    if (!region) throw notFound('REGION_NOT_FOUND', `地区代码 ${code} 不存在`);
    return { ...region, children: [] };
  }
}
