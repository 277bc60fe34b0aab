import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { RegionNodeDto } from './dto/region.dto.js';
import { RegionsRepository } from './regions.repository.js';

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  /**
   * The region codes a list may cover: the requested region's subtree (all regions when none is
   * asked for, as null), and for an account limited to a region (every submitter; an analyst or
   * viewer an admin limited) never more than that subtree — asking for a region outside it is
   * refused, naming what was asked for (单位, 报告, 数据).
   */
  async scopeFor(user: AuthUser, requested: string | undefined, what: string): Promise<string[] | null> {
    const own = user.regionCode;
    if (own && requested && !(await this.regions.isWithin(requested, own))) throw forbidden(`当前账号只能查看本地区的${what}`);
    const root = requested ?? own;
    return root ? this.regions.subtreeCodes(root) : null;
  }

  /** The whole tree; an account limited to a region sees only that subtree. */
  async tree(user: AuthUser): Promise<RegionNodeDto[]> {
    const rows = await this.regions.all();
    const nodes = new Map<string, RegionNodeDto>(rows.map((r) => [r.code, { ...r, children: [] }]));
    const roots: RegionNodeDto[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    if (user.regionCode) {
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
