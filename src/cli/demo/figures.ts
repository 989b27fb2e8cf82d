// Realistic, internally consistent figures for one agency, in the ranges of the seed reports
// (Sóc Trăng 2023: 605.859 dossiers, 99,79% on time; 1.778 online services …). Deterministic per seed.
import type { AgencyKind } from "../../domain/agencies";

/** mulberry32: a small seeded PRNG, so the demo is the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const intIn = (r: () => number, lo: number, hi: number): number =>
  lo + Math.floor(r() * (hi - lo + 1));

/** Figures by indicator code; rates left out (the rollup computes them from their parts). */
export function agencyFigures(kind: AgencyKind, r: () => number): Record<string, number> {
  const local = kind === "district";
  const f: Record<string, number> = {};
  f.HS_KY_TRUOC = intIn(r, 50, local ? 900 : 400);
  f.HS_MOI_TIEP_NHAN = local ? intIn(r, 25_000, 45_000) : intIn(r, 800, 22_000);
  f.HS_TIEP_NHAN = f.HS_KY_TRUOC + f.HS_MOI_TIEP_NHAN;
  f.HS_DANG_GIAI_QUYET = Math.floor(f.HS_TIEP_NHAN * (0.003 + r() * 0.02));
  f.HS_DA_GIAI_QUYET = f.HS_TIEP_NHAN - f.HS_DANG_GIAI_QUYET;
  f.HS_TRE_HAN = Math.floor(f.HS_DA_GIAI_QUYET * r() * 0.005);
  f.HS_DUNG_HAN = f.HS_DA_GIAI_QUYET - f.HS_TRE_HAN;
  f.HS_DANG_GQ_QUA_HAN = Math.floor(f.HS_DANG_GIAI_QUYET * r() * 0.05);
  f.HS_DANG_GQ_TRONG_HAN = f.HS_DANG_GIAI_QUYET - f.HS_DANG_GQ_QUA_HAN;
  f.HS_DEN_HAN = f.HS_DA_GIAI_QUYET + f.HS_DANG_GQ_QUA_HAN;

  f.TTHC_DANG_AP_DUNG = local ? intIn(r, 260, 320) : intIn(r, 20, 180);
  f.QD_CONG_BO_TTHC = intIn(r, 0, 6);
  f.TTHC_CONG_BO_MOI = intIn(r, 0, 15);
  f.TTHC_SUA_DOI = intIn(r, 0, 20);
  f.TTHC_BAI_BO = intIn(r, 0, 10);
  f.TTHC_CONG_BO = f.TTHC_CONG_BO_MOI + f.TTHC_SUA_DOI + f.TTHC_BAI_BO;
  const oneStop = Math.floor(f.TTHC_DANG_AP_DUNG * (0.9 + r() * 0.1));
  f.TTHC_MOT_CUA_TINH = local ? 0 : oneStop;
  f.TTHC_MOT_CUA_HUYEN = local ? Math.floor(oneStop * 0.7) : 0;
  f.TTHC_MOT_CUA_XA = local ? oneStop - f.TTHC_MOT_CUA_HUYEN : 0;
  f.TTHC_MOT_CUA = f.TTHC_MOT_CUA_TINH + f.TTHC_MOT_CUA_HUYEN + f.TTHC_MOT_CUA_XA;
  f.TTHC_THANH_TOAN_TRUC_TUYEN = Math.floor(f.TTHC_DANG_AP_DUNG * r() * 0.6);
  f.CHI_PHI_TIET_KIEM = Math.round(r() * 50_000) / 100; // triệu đồng, two decimals

  f.VB_QPPL_BAN_HANH = intIn(r, 0, 4);
  f.VB_QPPL_PHAI_RA_SOAT = intIn(r, 5, 40);
  f.VB_QPPL_DA_RA_SOAT = f.VB_QPPL_PHAI_RA_SOAT - intIn(r, 0, 2);
  f.VB_QPPL_THAM_DINH = intIn(r, 0, 5);
  f.PHONG_CAT_GIAM = intIn(r, 0, 2);
  f.DVSN_CAT_GIAM = intIn(r, 0, 1);
  f.BIEN_CHE_TINH_GIAN = intIn(r, 0, 8);
  f.CBCCVC_TONG = local ? intIn(r, 1_800, 3_500) : intIn(r, 60, 1_500);
  f.CBCCVC_DAO_TAO = Math.floor(f.CBCCVC_TONG * r() * 0.3);
  f.CBCCVC_TUYEN_DUNG = Math.floor(f.CBCCVC_TONG * r() * 0.05);
  f.CBCCVC_SAU_DAI_HOC = Math.floor(f.CBCCVC_TONG * (0.03 + r() * 0.08));
  f.DVSNCL_TONG = local ? intIn(r, 40, 80) : intIn(r, 1, 25);
  f.DVSNCL_TU_CHU = f.DVSNCL_TONG - intIn(r, 0, Math.min(3, f.DVSNCL_TONG));
  // Services listed, of which information-only ones are not online public services (kept apart).
  const listed = local ? intIn(r, 150, 260) : intIn(r, 15, 120);
  f.DVC_TOAN_TRINH = Math.floor(listed * (0.45 + r() * 0.2));
  f.DVC_MOT_PHAN = Math.floor((listed - f.DVC_TOAN_TRINH) * (0.3 + r() * 0.4));
  f.DVC_THONG_TIN = listed - f.DVC_TOAN_TRINH - f.DVC_MOT_PHAN;
  f.DVC_TONG = f.DVC_TOAN_TRINH + f.DVC_MOT_PHAN;
  f.DVC_TICH_HOP_QG = Math.floor(f.DVC_TONG * (0.45 + r() * 0.2));
  f.HS_TRUC_TUYEN_TOAN_TRINH = Math.floor(f.HS_DA_GIAI_QUYET * (0.1 + r() * 0.3));
  f.HS_NGHIA_VU_TAI_CHINH = Math.floor(f.HS_DA_GIAI_QUYET * (0.05 + r() * 0.2));
  f.HS_THANH_TOAN_TRUC_TUYEN = Math.floor(f.HS_NGHIA_VU_TAI_CHINH * (0.2 + r() * 0.5));
  f.VB_TONG = local ? intIn(r, 20_000, 60_000) : intIn(r, 2_000, 15_000);
  f.VB_XU_LY_TREN_MANG = Math.floor(f.VB_TONG * (0.9 + r() * 0.1));
  f.CQ_THUOC_DIEN_ISO = local ? intIn(r, 10, 16) : 1;
  f.CQ_AP_DUNG_ISO = local ? f.CQ_THUOC_DIEN_ISO - intIn(r, 0, 2) : 1;
  // Catalogue 2's figures from a generator of their own, so the figures above (and whatever the
  // caller draws from `r` next) stay as they were.
  Object.assign(f, officialFigures(kind, f, rng(f.HS_TIEP_NHAN * 31 + f.TTHC_DANG_AP_DUNG)));
  return f;
}

/** Biểu 06 split and channel, II.07b levels, QĐ 766 figures, inspections and PAKN, consistent with
 * the base figures. PAR INDEX and SIPAS are the province's, never an agency's. */
function officialFigures(
  kind: AgencyKind,
  f: Record<string, number>,
  r: () => number,
): Record<string, number> {
  const g: Record<string, number> = {};
  const share = (n: number, lo: number, hi: number) => Math.floor(n * (lo + r() * (hi - lo)));
  g.HS_TIEP_NHAN_TRUC_TUYEN = share(f.HS_MOI_TIEP_NHAN, 0.3, 0.6);
  g.HS_TIEP_NHAN_TRUC_TIEP = f.HS_MOI_TIEP_NHAN - g.HS_TIEP_NHAN_TRUC_TUYEN;
  g.HS_GQ_TRUOC_HAN = share(f.HS_DUNG_HAN, 0.6, 0.85);
  g.HS_GQ_DUNG_HAN = f.HS_DUNG_HAN - g.HS_GQ_TRUOC_HAN;
  g.HS_TRA_LAI_RUT = 0;
  const level = (n: number) =>
    kind === "district"
      ? { TINH: 0, HUYEN: Math.floor(n * 0.7), XA: n - Math.floor(n * 0.7) }
      : kind === "commune"
        ? { TINH: 0, HUYEN: 0, XA: n }
        : { TINH: n, HUYEN: 0, XA: 0 };
  const t = level(f.TTHC_DANG_AP_DUNG);
  g.TTHC_DANG_AP_DUNG_TINH = t.TINH;
  g.TTHC_DANG_AP_DUNG_HUYEN = t.HUYEN;
  g.TTHC_DANG_AP_DUNG_XA = t.XA;
  g.QUY_TRINH_NOI_BO = share(f.TTHC_DANG_AP_DUNG, 0.7, 1);
  const q = level(g.QUY_TRINH_NOI_BO);
  g.QUY_TRINH_NOI_BO_TINH = q.TINH;
  g.QUY_TRINH_NOI_BO_XA = q.HUYEN + q.XA;
  g.QD_QUY_TRINH_NOI_BO = intIn(r, 1, 5);
  g.TTHC_CUNG_CAP_DVCTT = share(f.TTHC_DANG_AP_DUNG, 0.5, 0.9);
  g.TTHC_DVCTT_PHAT_SINH_HS = share(g.TTHC_CUNG_CAP_DVCTT, 0.4, 0.8);
  g.HS_KET_QUA_DIEN_TU = share(f.HS_DA_GIAI_QUYET, 0.5, 0.9);
  g.HS_SO_HOA = share(f.HS_DA_GIAI_QUYET, 0.6, 0.95);
  g.HS_TAI_SU_DUNG_DL = share(f.HS_MOI_TIEP_NHAN, 0.05, 0.2);
  g.TONG_NGAY_GQ = share(f.HS_DA_GIAI_QUYET, 2, 8);
  g.PHIEU_DANH_GIA = share(f.HS_DA_GIAI_QUYET, 0.1, 0.4);
  g.PHIEU_HAI_LONG = share(g.PHIEU_DANH_GIA, 0.95, 1);
  g.KT_CQ_DUOC_KIEM_TRA = intIn(r, 0, 6);
  g.KT_VAN_DE_PHAT_HIEN = intIn(r, 0, 10);
  g.KT_VAN_DE_DA_XU_LY = g.KT_VAN_DE_PHAT_HIEN - intIn(r, 0, Math.min(2, g.KT_VAN_DE_PHAT_HIEN));
  g.PAKN_TIEP_NHAN = intIn(r, 0, 40);
  g.PAKN_DA_XU_LY = g.PAKN_TIEP_NHAN - intIn(r, 0, Math.min(3, g.PAKN_TIEP_NHAN));
  return g;
}
